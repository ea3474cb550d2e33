export { createApp, databaseModels, API_PREFIX, type AppDeps, type AppConfig, type BffApp } from './app';
export { loadConfig, ConfigError, type Config } from './config';
export { startBff, type RunningBff } from './server';
export { createLogger, type Logger } from './libraries/logger';
export { connectDatabase, ensureIndexes, sweepExpired } from './libraries/database';
export type { Clock } from './libraries/clock';
export { WechatClient } from './upstreams/wechat/wechat.client';
export { SmsClient } from './upstreams/sms/sms.client';
export { CatalogClient } from './upstreams/catalog/catalog.client';
export { IdentityClient } from './upstreams/identity/identity.client';
export { TrafficClient } from './upstreams/traffic/traffic.client';
export { HallClient } from './upstreams/hall/hall.client';
export { FeedbackClient } from './upstreams/feedback/feedback.client';
export { ApprovalClient } from './upstreams/approval/approval.client';
export { CtidClient } from './upstreams/ctid/ctid.client';
export { WxpayClient } from './upstreams/wxpay/wxpay.client';
export type { WxpayPort, WxpayNotice } from './upstreams/wxpay/wxpay.types';
export { EmsClient } from './upstreams/ems/ems.client';
export { NontaxClient } from './upstreams/nontax/nontax.client';
export type { InPersonOutcome } from './upstreams/in-person';
export {
  evaluateSearch,
  resultCodes,
  EVALUATION_TARGETS,
  type EvaluationSet,
  type EvaluationReport,
} from './components/search/evaluation';
