import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import Koa from 'koa';
import type { Connection } from 'mongoose';
import type { Config } from './config';
import type { AppState } from './libraries/context';
import type { Clock } from './libraries/clock';
import type { Logger } from './libraries/logger';
import { allowedMethods } from './libraries/allowed-methods';
import { rememberMatches } from './libraries/remembered-matches';
import { errorHandler } from './libraries/error-handler';
import type { Metrics } from './libraries/metrics';
import { idempotencyModels, IdempotencyStore } from './libraries/idempotency';
import { rateLimitModels, RateLimiter } from './libraries/rate-limiter';
import { requestContext } from './libraries/request-context';
import type { ApiRoutes } from './libraries/routes';
import { corsAllowlist, inlineScriptHashes, jsonBodies, securityHeaders } from './libraries/security';
import { servesFileIn, staticFiles } from './libraries/static-files';
import { h5IndexPage } from './libraries/h5-index';
import { homeFirstScreen } from './components/catalog/home-first-screen';

import { addressModels } from './components/addresses/address.model';
import { createAddressesModule } from './components/addresses/addresses.module';
import { applicationModels } from './components/applications/application.model';
import { createApplicationsModule } from './components/applications/applications.module';
import { createAppointmentsModule } from './components/appointments/appointments.module';
import { createApprovalHooksModule } from './components/approval-hooks/approval-hooks.module';
import { authGate, createAuthModule } from './components/auth/auth.module';
import { smsCodeModels } from './components/auth/sms-code.model';
import { catalogSnapshotModels } from './components/catalog/catalog-snapshot.model';
import { createCatalogModule } from './components/catalog/catalog.module';
import { docsRoutes } from './components/docs/docs.routes';
import { openApiDocument } from './components/docs/openapi';
import { draftModels } from './components/drafts/draft.model';
import { createDraftsModule } from './components/drafts/drafts.module';
import { favoriteModels } from './components/favorites/favorite.model';
import { createFavoritesModule } from './components/favorites/favorites.module';
import { familyLinkModels } from './components/family/family-link.model';
import { createFamilyModule } from './components/family/family.module';
import { createFeedbackModule } from './components/feedback/feedback.module';
import { createHallsModule } from './components/halls/halls.module';
import { slotInvalidationModels } from './components/halls/slot-invalidation.model';
import { healthRoutes } from './components/health/health.routes';
import { bindingModels } from './components/identity/binding.model';
import { identityCheckModels } from './components/identity/identity-check.model';
import { createIdentityModule } from './components/identity/identity.module';
import type { CtidPort } from './components/identity/in-person.service';
import { createLicencesModule } from './components/licences/licences.module';
import { createResidenceModule } from './components/residence/residence.module';
import { materialModels } from './components/materials/material.model';
import { createMaterialsModule } from './components/materials/materials.module';
import { messageModels } from './components/messages/message.model';
import { createMessagesModule } from './components/messages/messages.module';
import { packageApplicationModels } from './components/package-applications/package-application.model';
import { createPackageApplicationsModule } from './components/package-applications/package-applications.module';
import { accountDeletionModels } from './components/privacy/account-deletion.model';
import { dataUseModels } from './components/privacy/data-use.model';
import { createPrivacyModule } from './components/privacy/privacy.module';
import { createSearchModule } from './components/search/search.module';
import { sessionModels } from './components/sessions/session.model';
import { createSessionsModule } from './components/sessions/sessions.module';
import { createTicketsModule } from './components/tickets/tickets.module';
import { trafficSnapshotModels } from './components/traffic/traffic-snapshot.model';
import { createTrafficModule } from './components/traffic/traffic.module';
import { userModels } from './components/users/user.model';
import { createUsersModule } from './components/users/users.module';
import { createWalletModule } from './components/wallet/wallet.module';
import { walletShareModels } from './components/wallet/wallet-share.model';
import { WalletShareRecords } from './components/wallet/wallet-share-records';
import type { CatalogClient } from './upstreams/catalog/catalog.client';
import type { ApprovalClient } from './upstreams/approval/approval.client';
import type { IdentityClient } from './upstreams/identity/identity.client';
import type { SmsClient } from './upstreams/sms/sms.client';
import type { TrafficClient } from './upstreams/traffic/traffic.client';
import type { HallClient } from './upstreams/hall/hall.client';
import type { FeedbackClient } from './upstreams/feedback/feedback.client';
import type { WechatClient } from './upstreams/wechat/wechat.client';
import type { EmsPort } from './upstreams/ems/ems.types';
import type { NontaxPort } from './upstreams/nontax/nontax.types';
import type { WxpayPort } from './upstreams/wxpay/wxpay.types';
import { CaseEndings } from './components/payments/case-endings';
import { paymentModels } from './components/payments/payment-order.model';
import { createPaymentsModule } from './components/payments/payments.module';
import type { SweepResult } from './components/payments/payment-jobs';
import type { ReconciliationReport } from './components/payments/reconciliation.service';
import type { UpstreamClient } from './upstreams/upstream-client';

/** How long the rendered H5 index.html (hot items in it) is reused: the catalog changes far more slowly. */
const H5_INDEX_TTL_MS = 30_000;

export type AppConfig = Pick<
  Config,
  | 'env'
  | 'trustProxy'
  | 'corsOrigins'
  | 'staticDir'
  | 'cspConnectSources'
  | 'docsEnabled'
  | 'auth'
  | 'catalog'
  | 'dataEncryptionKey'
  | 'approvalWebhookSecret'
  | 'wechat'
  | 'traffic'
  | 'publicBaseUrl'
  | 'reconcileHour'
  | 'halls'
>;

export interface AppDeps {
  config: AppConfig;
  logger: Logger;
  connection: Connection;
  wechat: WechatClient;
  sms: SmsClient;
  catalog: CatalogClient;
  identity: IdentityClient;
  approval: ApprovalClient;
  traffic: TrafficClient;
  hall: HallClient;
  feedback: FeedbackClient;
  /** The trusted identity platform's 网证 authorisation (in-person checks in the browser build). */
  ctid: CtidPort & { upstream: UpstreamClient };
  /** EMS: where a result sent by post is on its way. */
  ems: EmsPort & { upstream: UpstreamClient };
  /** WeChat Pay (fees) and the 非税 platform (fines). */
  wxpay: WxpayPort & { upstream: UpstreamClient };
  nontax: NontaxPort & { upstream: UpstreamClient };
  clock: Clock;
  /** True once the server drains before stopping: /readyz answers 503 (server.ts sets it). */
  draining?: () => boolean;
  /** Prometheus instruments (METRICS_PORT set); without them nothing is measured and nothing costs. */
  metrics?: Metrics;
}

/** The Koa app, plus what the server does once it listens. */
export interface BffApp extends Koa<AppState> {
  /** Loads the catalog so the first citizen does not wait for it; never throws. */
  warmUp(): Promise<void>;
  /** Closes the accounts whose cooling-off has ended (the server runs it every minute); how many. */
  closeDueAccounts(): Promise<number>;
  /**
   * The payments sweep (every minute), daily reconciliation and the read of other instances' slot changes
   * (every second): started by the server, stopped at close.
   */
  startJobs(): void;
  stopJobs(): void;
  payments: { sweep(): Promise<SweepResult>; reconcile(day: string): Promise<ReconciliationReport> };
}

export const API_PREFIX = '/api/v1';

/** Submissions: a worker holds a key 30 s; answers are kept a day; a repeat waits up to 10 s for the first. */
const IDEMPOTENCY = { leaseMs: 30_000, retentionMs: 86_400_000, waitMs: 10_000 };

/** Every mongoose model the BFF owns, for index creation at start-up. */
export function databaseModels(connection: Connection) {
  return {
    ...userModels(connection),
    ...sessionModels(connection),
    ...smsCodeModels(connection),
    ...rateLimitModels(connection),
    ...catalogSnapshotModels(connection),
    ...favoriteModels(connection),
    ...draftModels(connection),
    ...materialModels(connection),
    ...paymentModels(connection),
    ...applicationModels(connection),
    ...idempotencyModels(connection),
    ...messageModels(connection),
    ...packageApplicationModels(connection),
    ...identityCheckModels(connection),
    ...bindingModels(connection),
    ...dataUseModels(connection),
    ...accountDeletionModels(connection),
    ...trafficSnapshotModels(connection),
    ...addressModels(connection),
    ...familyLinkModels(connection),
    ...walletShareModels(connection),
    ...slotInvalidationModels(connection),
  };
}

/** Builds the Koa app from its dependencies; no listening, no globals. */
export function createApp(deps: AppDeps): BffApp {
  const { config, logger, connection, clock } = deps;
  const models = databaseModels(connection);
  const limiter = new RateLimiter(models.RateLimitSlot, clock);
  const idempotency = new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY);
  const registry = new OpenAPIRegistry();
  const api = new Router<AppState>({ prefix: API_PREFIX });
  rememberMatches(api);
  const routes: ApiRoutes = { router: api, registry, prefix: API_PREFIX };
  const gate = authGate();
  const { requireAuth } = gate;
  const dataKey = config.dataEncryptionKey;
  const { metrics } = deps;
  const observeCache = metrics?.observeCache;

  // Each component builds itself and registers its routes; a component comes after those it uses.
  const { catalog, store, repeats } = createCatalogModule({
    routes,
    models,
    clock,
    logger,
    source: deps.catalog,
    refreshMs: config.catalog.refreshMs,
    observeCache,
  });
  createSearchModule({ routes, store, repeats, observeCache });
  const { users, usersService } = createUsersModule({
    routes,
    models,
    clock,
    cacheMs: config.auth.sessionCacheMs,
    requireAuth,
    observeCache,
  });
  const { sessions } = createSessionsModule({ routes, models, clock, auth: config.auth, requireAuth, observeCache });
  const { messages, notifier } = createMessagesModule({
    routes,
    models,
    wechat: deps.wechat,
    users: usersService,
    templates: config.wechat.templates,
    logger,
    requireAuth,
  });
  const { identity, bindings } = createIdentityModule({
    routes,
    models,
    clock,
    logger,
    limiter,
    dataKey,
    users,
    usersService,
    sessions,
    messages,
    records: deps.identity,
    wechat: deps.wechat,
    sms: deps.sms,
    ctid: deps.ctid,
    requireAuth,
  });
  const { addresses } = createAddressesModule({ routes, models, clock, idempotency, dataKey, requireAuth });
  const { dataUse, deletions } = createPrivacyModule({
    routes,
    models,
    clock,
    refreshTtlDays: config.auth.refreshTokenTtlDays,
    sessions,
    bindings,
    identity,
    addresses,
    walletShares: new WalletShareRecords({ models, dataKey, clock }),
    requireAuth,
    observeCache,
  });
  createAuthModule({
    routes,
    models,
    clock,
    limiter,
    auth: config.auth,
    gate,
    users,
    usersService,
    sessions,
    people: identity,
    dataUse,
    wechat: deps.wechat,
    sms: deps.sms,
    observeCache,
  });
  // 家人: after privacy (acts for a member go to their usage record), before the components that act for one.
  const { family } = createFamilyModule({
    routes,
    models,
    clock,
    limiter,
    idempotency,
    dataKey,
    identity,
    bindings,
    records: deps.identity,
    sms: deps.sms,
    dataUse,
    requireAuth,
  });
  createFavoritesModule({ routes, models, catalog, clock, requireAuth });
  const { drafts } = createDraftsModule({ routes, models, catalog, family, clock, requireAuth });
  const { materials } = createMaterialsModule({
    routes,
    models,
    approval: deps.approval,
    identity,
    clock,
    requireAuth,
  });
  createLicencesModule({ routes, identity, records: deps.identity, requireAuth });
  // Before applications: its eligibility pre-check runs when a 居住证 item is filed.
  const { residence, eligibility } = createResidenceModule({
    routes,
    clock,
    limiter,
    dataKey,
    records: deps.identity,
    identity,
    catalog,
    requireAuth,
  });
  // A case withdrawn or refused: the applications and approval-hooks components say so, payments refunds its fee.
  const caseEndings = new CaseEndings();
  const { applications, cases } = createApplicationsModule({
    routes,
    caseEndings,
    models,
    clock,
    limiter,
    idempotency,
    dataKey,
    approval: deps.approval,
    identityRecords: deps.identity,
    identity,
    users: usersService,
    sessions,
    catalog,
    drafts,
    materials,
    addresses,
    ems: deps.ems,
    family,
    eligibility,
    requireAuth,
  });
  createPackageApplicationsModule({ routes, models, catalog, identity, applications, idempotency, clock, requireAuth });
  const { traffic } = createTrafficModule({
    routes,
    models,
    clock,
    logger,
    limiter,
    idempotency,
    dataKey,
    freshness: config.traffic,
    client: deps.traffic,
    identity,
    catalog,
    applications,
    requireAuth,
    observeCache,
  });
  // 证照夹: after every component whose certificates it lists.
  createWalletModule({
    routes,
    models,
    clock,
    limiter,
    idempotency,
    dataKey,
    identity,
    traffic,
    licences: deps.identity,
    permits: residence,
    family,
    dataUse,
    publicBaseUrl: config.publicBaseUrl,
    requireAuth,
  });
  const { halls, slotChanges } = createHallsModule({
    routes,
    models,
    logger,
    hall: deps.hall,
    clock,
    slotsCacheMs: config.halls.slotsCacheMs,
    observeCache,
  });
  createAppointmentsModule({
    routes,
    hall: deps.hall,
    halls,
    identity,
    identityRecords: deps.identity,
    users: usersService,
    idempotency,
    limiter,
    dataKey,
    notifier,
    slotChanges,
    family,
    clock,
    requireAuth,
  });
  createTicketsModule({
    routes,
    hall: deps.hall,
    halls,
    identity,
    users: usersService,
    idempotency,
    clock,
    requireAuth,
  });
  createFeedbackModule({
    routes,
    clock,
    idempotency,
    feedback: deps.feedback,
    applications,
    cases,
    identity,
    materials,
    users,
    requireAuth,
  });
  const paymentsModule = createPaymentsModule({
    routes,
    models,
    clock,
    logger,
    idempotency,
    dataKey,
    wxpay: deps.wxpay,
    nontax: deps.nontax,
    approval: deps.approval,
    traffic: deps.traffic,
    cases,
    identity,
    users: usersService,
    caseEndings,
    publicBaseUrl: config.publicBaseUrl,
    reconcileHour: config.reconcileHour,
    requireAuth,
  });
  createApprovalHooksModule({
    routes,
    caseEndings,
    applications: cases,
    messages,
    notifier,
    clock,
    logger,
    secret: config.approvalWebhookSecret,
  });

  const upstreams = [
    deps.wechat.upstream,
    deps.sms.upstream,
    deps.catalog.upstream,
    deps.identity.upstream,
    deps.approval.upstream,
    deps.traffic.upstream,
    deps.hall.upstream,
    deps.feedback.upstream,
    deps.ctid.upstream,
    deps.wxpay.upstream,
    deps.nontax.upstream,
    deps.ems.upstream,
  ];
  metrics?.watchUpstreams(upstreams);
  const root = new Router<AppState>();
  rememberMatches(root);
  healthRoutes(
    { router: root, registry, prefix: '' },
    {
      connection,
      upstreams,
      draining: deps.draining,
    },
  );
  docsRoutes(root, { document: () => openApiDocument(registry), uiEnabled: config.docsEnabled });

  // Behind the load balancer the client is the address it appended last, the
  // rightmost X-Forwarded-For entry; anything left of it the client could type.
  const app = new Koa<AppState>({ proxy: config.trustProxy, maxIpsCount: 1 });
  app.use(requestContext(logger, metrics ? { answered: metrics.answered } : {}));
  app.use(errorHandler(metrics ? { countError: (code) => metrics.countError(code) } : {}));
  const h5Index = config.staticDir ? path.join(config.staticDir, 'index.html') : undefined;
  app.use(
    securityHeaders({
      apiPrefix: API_PREFIX,
      scriptHashes: h5Index && existsSync(h5Index) ? inlineScriptHashes(readFileSync(h5Index, 'utf8')) : [],
      connectSources: config.cspConnectSources,
    }),
  );
  app.use(corsAllowlist(config.corsOrigins));
  // Before the body parser: a method a path does not have is 405 whatever its body.
  app.use(
    allowedMethods({
      routers: [api, root],
      apiPrefix: API_PREFIX,
      ...(config.staticDir ? { servesFile: servesFileIn(config.staticDir) } : {}),
    }),
  );
  app.use(
    jsonBodies(bodyParser({ enableTypes: ['json'], jsonLimit: '64kb', encoding: 'utf-8' }), [
      `${API_PREFIX}/materials`,
    ]),
  );
  app.use(api.routes());
  app.use(root.routes());
  if (config.staticDir) {
    // 首页's first screen written into index.html, so a slow phone paints it before the JavaScript arrives.
    app.use(h5IndexPage({ dir: config.staticDir, firstScreen: homeFirstScreen(catalog), ttlMs: H5_INDEX_TTL_MS }));
    app.use(staticFiles(config.staticDir));
  }
  // Errors are answered by errorHandler; this keeps Koa from printing them a second time.
  app.silent = true;
  const adoptBindings = () =>
    identity.adoptUnboundAccounts().catch((error: unknown) => {
      logger.warn({ err: error }, 'binding accounts verified before bindings existed failed; retried on next start');
    });
  return Object.assign(app, {
    warmUp: async () => void (await Promise.all([store.warm(), adoptBindings()])),
    closeDueAccounts: () => deletions.runDue(clock.now()),
    startJobs: () => {
      paymentsModule.jobs.start();
      slotChanges.start();
    },
    stopJobs: () => {
      paymentsModule.jobs.stop();
      slotChanges.stop();
    },
    payments: {
      sweep: () => paymentsModule.jobs.sweep(),
      reconcile: (day: string) => paymentsModule.reconciliation.reconcile(day),
    },
  });
}
