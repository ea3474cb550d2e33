export { createApp, databaseModels, API_PREFIX, type AppDeps, type AppConfig, type BffApp } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export { startBff, type RunningBff } from './server';
export { createLogger, type Logger } from './libraries/logger';
export { connectDatabase, ensureIndexes } from './libraries/database';
export type { Clock } from './libraries/clock';
export { WechatClient } from './upstreams/wechat/wechat.client';
export { SmsClient } from './upstreams/sms/sms.client';
export { CatalogClient } from './upstreams/catalog/catalog.client';
