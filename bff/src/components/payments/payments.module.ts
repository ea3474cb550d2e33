import { createHmac } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey } from '../../libraries/crypto';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { Logger } from '../../libraries/logger';
import type { ApiRoutes } from '../../libraries/routes';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { NontaxPort } from '../../upstreams/nontax/nontax.types';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import type { WxpayPort } from '../../upstreams/wxpay/wxpay.types';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { IdentityService } from '../identity/identity.service';
import type { UsersService } from '../users/users.service';
import type { CaseEndings } from './case-endings';
import { PaymentJobs } from './payment-jobs';
import { paymentHooksRoutes } from './payment-hooks.routes';
import { PaymentNoticesService } from './payment-notices.service';
import type { PaymentModels } from './payment-order.model';
import { PaymentThings } from './payment-things';
import { PaymentsRepository } from './payments.repository';
import { paymentsRoutes } from './payments.routes';
import { PaymentsService } from './payments.service';
import { PaymentPlatforms } from './platforms';
import { ReconciliationService } from './reconciliation.service';
import { SettlementService } from './settlement.service';

export interface PaymentsModuleDeps {
  routes: ApiRoutes;
  models: PaymentModels;
  clock: Clock;
  logger: Logger;
  idempotency: IdempotencyStore;
  /** DATA_ENCRYPTION_KEY, from which the payer-tag key is derived. */
  dataKey: string;
  wxpay: WxpayPort;
  nontax: NontaxPort;
  approval: ApprovalClient;
  traffic: TrafficClient;
  cases: ApplicationsRepository;
  identity: IdentityService;
  users: Pick<UsersService, 'account'>;
  caseEndings: CaseEndings;
  /** Where the platforms reach the BFF (notify URLs) and the browser build is served. */
  publicBaseUrl: string;
  reconcileHour: number;
  requireAuth: Middleware<AppState>;
}

/** What the settlement and the reconciliation need: also all the reconcile command builds. */
export type PaymentsCoreDeps = Pick<
  PaymentsModuleDeps,
  'models' | 'clock' | 'logger' | 'dataKey' | 'wxpay' | 'nontax' | 'approval' | 'publicBaseUrl'
>;

/** The orders, the platforms and the one place their states change, with the reconciliation over them. */
export function paymentsCore(deps: PaymentsCoreDeps) {
  const { clock, logger } = deps;
  const orders = new PaymentsRepository(deps.models);
  const platforms = new PaymentPlatforms(deps.wxpay, deps.nontax);
  const tagKey = deriveKey(deps.dataKey, 'payer-openid');
  const payerTag = (openid: string): string => createHmac('sha256', tagKey).update(openid).digest('base64url');
  const settlement = new SettlementService({
    orders,
    platforms,
    approval: deps.approval,
    payerTag,
    refundNotifyUrl: `${deps.publicBaseUrl}/api/v1/hooks/wxpay`,
    clock,
    logger,
  });
  const reconciliation = new ReconciliationService({
    orders,
    platforms,
    settlement,
    wxpay: deps.wxpay,
    nontax: deps.nontax,
    clock,
    logger,
  });
  return { orders, platforms, payerTag, settlement, reconciliation };
}

/** 缴款: fines through the 非税 platform, fees through WeChat Pay, their notices, sweep and reconciliation. */
export function createPaymentsModule(deps: PaymentsModuleDeps) {
  const { clock, logger } = deps;
  const { orders, platforms, payerTag, settlement, reconciliation } = paymentsCore(deps);
  const payments = new PaymentsService({
    orders,
    things: new PaymentThings({
      traffic: deps.traffic,
      nontax: deps.nontax,
      approval: deps.approval,
      applications: deps.cases,
    }),
    platforms,
    settlement,
    identity: deps.identity,
    users: deps.users,
    idempotency: deps.idempotency,
    payerTag,
    publicBaseUrl: deps.publicBaseUrl,
    clock,
  });
  const jobs = new PaymentJobs({
    orders,
    settlement,
    reconciliation,
    reconcileHour: deps.reconcileHour,
    hasReport: (day) => orders.hasReconciliation(day),
    clock,
    logger,
  });
  deps.caseEndings.listen((ending) => settlement.caseEnded(ending));
  paymentsRoutes(deps.routes, { payments, requireAuth: deps.requireAuth });
  paymentHooksRoutes(deps.routes, {
    notices: new PaymentNoticesService({
      wxpay: deps.wxpay,
      nontax: deps.nontax,
      orders,
      settlement,
      clock,
      logger,
    }),
  });
  return { payments, settlement, reconciliation, jobs };
}
