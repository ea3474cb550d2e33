/**
 * @suijing/sandbox: the police back-end systems as they look from outside,
 * for `npm start` and for every test that talks to them over real HTTP.
 */
export { createSandbox } from './app';
export { startSandbox, type RunningSandbox } from './server';
export { DEFAULT_SEED, DEFAULT_TRAFFIC_LATENCY_MS, type SandboxOptions } from './options';
export { SandboxClock } from './core/clock';
export { Prng } from './core/prng';
export { RateWindow } from './core/rate-window';
export type { FaultConfig } from './core/faults';
export type { SystemCounters } from './core/stats';
export type { SandboxSystem, SystemFactory, SystemKit, SystemReply } from './core/system';
export * from './legacy';
export * from './seed';
export { WECHAT_ERRORS } from './systems/wechat/errors';
export { SMS_ERRORS } from './systems/sms/errors';
export { SMS_TEMPLATES } from './systems/sms/templates';
export { SUBSCRIBE_TEMPLATES, type SubscribeTemplate } from './systems/wechat/subscribe-templates';
export { IDENTITY_ERRORS } from './systems/identity/errors';
export { TRAFFIC_ERRORS } from './systems/traffic/errors';
export { WorkCalendar, workCalendar } from './systems/approval/work-calendar';
export type { CaseDecided, SandboxEventMap, SandboxEvents } from './core/events';
