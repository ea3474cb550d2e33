import type { SystemFactory } from '../core/system';
import { createApprovalSystem } from './approval';
import { createCatalogSystem } from './catalog';
import { createCtidSystem } from './ctid';
import { createEmsSystem } from './ems';
import { createFeedbackSystem } from './feedback';
import { createHallSystem } from './hall';
import { createIdentitySystem } from './identity';
import { createNontaxSystem } from './nontax';
import { createSmsSystem } from './sms';
import { createTrafficSystem } from './traffic';
import { createWechatSystem } from './wechat';
import { createWxpaySystem } from './wxpay';

/**
 * Every simulated back-end system. A new system (catalog, identity,
 * approval, traffic, hall, feedback, ctid) implements SystemFactory in
 * systems/<name>/index.ts, is imported here and added to this list; the
 * machinery then routes its prefixes, injects its faults, resets it and
 * answers its errors in its own dialect.
 */
export const SYSTEM_FACTORIES: readonly SystemFactory[] = [
  createWechatSystem,
  createSmsSystem,
  createCatalogSystem,
  createIdentitySystem,
  createApprovalSystem,
  createTrafficSystem,
  createFeedbackSystem,
  createHallSystem,
  createCtidSystem,
  createWxpaySystem,
  createEmsSystem,
  createNontaxSystem,
];
