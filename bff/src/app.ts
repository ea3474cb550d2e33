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
import { deriveKey, Sealer } from './libraries/crypto';
import { allowedMethods } from './libraries/allowed-methods';
import { errorHandler } from './libraries/error-handler';
import { rateLimitModels, RateLimiter } from './libraries/rate-limiter';
import { requestContext } from './libraries/request-context';
import { corsAllowlist, inlineScriptHashes, jsonBodies, securityHeaders } from './libraries/security';
import { servesFileIn, staticFiles } from './libraries/static-files';
import { TtlCache } from './libraries/ttl-cache';
import { AccessTokens } from './components/auth/access-tokens';
import { authRoutes } from './components/auth/auth.routes';
import { AuthService } from './components/auth/auth.service';
import { requireAuth } from './components/auth/require-auth';
import { smsCodeModels } from './components/auth/sms-code.model';
import { SmsCodesRepository } from './components/auth/sms-codes.repository';
import { SmsLoginService } from './components/auth/sms-login.service';
import { catalogSnapshotModels } from './components/catalog/catalog-snapshot.model';
import { CatalogSnapshotsRepository } from './components/catalog/catalog-snapshots.repository';
import { CatalogStore } from './components/catalog/catalog-store';
import { catalogRoutes } from './components/catalog/catalog.routes';
import { CatalogService } from './components/catalog/catalog.service';
import { searchRoutes } from './components/search/search.routes';
import { SearchService } from './components/search/search.service';
import { favoriteModels } from './components/favorites/favorite.model';
import { FavoritesRepository } from './components/favorites/favorites.repository';
import { favoritesRoutes } from './components/favorites/favorites.routes';
import { FavoritesService } from './components/favorites/favorites.service';
import { draftModels } from './components/drafts/draft.model';
import { DraftsRepository } from './components/drafts/drafts.repository';
import { draftsRoutes } from './components/drafts/drafts.routes';
import { DraftsService } from './components/drafts/drafts.service';
import { bindingModels } from './components/identity/binding.model';
import { dataUseModels } from './components/privacy/data-use.model';
import { DataUseRepository } from './components/privacy/data-use.repository';
import { DataUseService } from './components/privacy/data-use.service';
import { accountDeletionModels } from './components/privacy/account-deletion.model';
import { AccountDeletionService } from './components/privacy/account-deletion.service';
import { AccountClosing } from './components/privacy/account-closing';
import { PersonalExportService } from './components/privacy/personal-export.service';
import { privacyNotice, retentionFacts } from './components/privacy/privacy-notice';
import { privacyRoutes } from './components/privacy/privacy.routes';
import { identityCheckModels } from './components/identity/identity-check.model';
import { IdentityBindings } from './components/identity/identity-bindings';
import { IdentityNotices } from './components/identity/identity-notices';
import { identityRoutes } from './components/identity/identity.routes';
import { IdentityService } from './components/identity/identity.service';
import { InPersonService, type CtidPort } from './components/identity/in-person.service';
import { applicationModels } from './components/applications/application.model';
import { ApplicationsRepository } from './components/applications/applications.repository';
import { ProgressLookupService } from './components/applications/progress-lookup.service';
import { ProgressTags } from './components/applications/progress-tags';
import { applicationsRoutes } from './components/applications/applications.routes';
import { ApplicationsService } from './components/applications/applications.service';
import { licencesRoutes } from './components/licences/licences.routes';
import { materialModels } from './components/materials/material.model';
import { materialsRoutes } from './components/materials/materials.routes';
import { MaterialsService } from './components/materials/materials.service';
import { idempotencyModels, IdempotencyStore } from './libraries/idempotency';
import { ApprovalEventsService } from './components/approval-hooks/approval-events.service';
import { SubscribeNotifier } from './components/messages/subscribe-notices';
import { approvalHooksRoutes } from './components/approval-hooks/approval-hooks.routes';
import { messageModels } from './components/messages/message.model';
import { messagesRoutes } from './components/messages/messages.routes';
import { MessagesService } from './components/messages/messages.service';
import { packageApplicationModels } from './components/package-applications/package-application.model';
import { packageApplicationsRoutes } from './components/package-applications/package-applications.routes';
import { PackageApplicationsService } from './components/package-applications/package-applications.service';
import { ELicenceService } from './components/traffic/e-licence.service';
import { LastKnown } from './components/traffic/last-known';
import { TrafficApplicationsService } from './components/traffic/traffic-applications.service';
import { trafficSnapshotModels } from './components/traffic/traffic-snapshot.model';
import { trafficRoutes } from './components/traffic/traffic.routes';
import { TrafficService } from './components/traffic/traffic.service';
import { HallsService } from './components/halls/halls.service';
import { hallsRoutes } from './components/halls/halls.routes';
import { AppointmentsService } from './components/appointments/appointments.service';
import { appointmentsRoutes } from './components/appointments/appointments.routes';
import { TicketsService } from './components/tickets/tickets.service';
import { ticketsRoutes } from './components/tickets/tickets.routes';
import { RatingsService } from './components/feedback/ratings.service';
import { ComplaintsService } from './components/feedback/complaints.service';
import { HotTopicsService } from './components/feedback/hot-topics.service';
import { feedbackRoutes } from './components/feedback/feedback.routes';
import { docsRoutes } from './components/docs/docs.routes';
import { openApiDocument } from './components/docs/openapi';
import { healthRoutes } from './components/health/health.routes';
import { sessionModels } from './components/sessions/session.model';
import { sessionsRoutes } from './components/sessions/sessions.routes';
import { SessionsRepository } from './components/sessions/sessions.repository';
import { SessionsService } from './components/sessions/sessions.service';
import { userModels, type UserDocument } from './components/users/user.model';
import { UsersRepository } from './components/users/users.repository';
import { usersRoutes } from './components/users/users.routes';
import { UsersService } from './components/users/users.service';
import type { CatalogClient } from './upstreams/catalog/catalog.client';
import type { ApprovalClient } from './upstreams/approval/approval.client';
import type { IdentityClient } from './upstreams/identity/identity.client';
import type { SmsClient } from './upstreams/sms/sms.client';
import type { TrafficClient } from './upstreams/traffic/traffic.client';
import type { HallClient } from './upstreams/hall/hall.client';
import type { FeedbackClient } from './upstreams/feedback/feedback.client';
import type { WechatClient } from './upstreams/wechat/wechat.client';
import type { UpstreamClient } from './upstreams/upstream-client';

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
  clock: Clock;
}

/** The Koa app, plus what the server does once it listens. */
export interface BffApp extends Koa<AppState> {
  /** Loads the catalog so the first citizen does not wait for it; never throws. */
  warmUp(): Promise<void>;
  /** Closes the accounts whose cooling-off has ended (the server runs it every minute); how many. */
  closeDueAccounts(): Promise<number>;
}

export const API_PREFIX = '/api/v1';

/** Submissions: a worker holds a key 30 s; answers are kept a day; a repeat waits up to 10 s for the first. */
const IDEMPOTENCY = { leaseMs: 30_000, retentionMs: 86_400_000, waitMs: 10_000 };

/** Per-instance 车驾管 answers kept in memory (people × kinds), beyond which the oldest go first. */
const TRAFFIC_CACHE_ENTRIES = 50_000;

/** How soon an instance asks the catalog system again after it failed. */
const CATALOG_RETRY_MS = 5000;

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
    ...applicationModels(connection),
    ...idempotencyModels(connection),
    ...messageModels(connection),
    ...packageApplicationModels(connection),
    ...identityCheckModels(connection),
    ...bindingModels(connection),
    ...dataUseModels(connection),
    ...accountDeletionModels(connection),
    ...trafficSnapshotModels(connection),
  };
}

/** Builds the Koa app from its dependencies; no listening, no globals. */
export function createApp(deps: AppDeps): BffApp {
  const { config, logger, connection, clock } = deps;
  const models = databaseModels(connection);

  const users = new UsersRepository(models);
  const sessions = new SessionsService({
    repository: new SessionsRepository(models),
    clock,
    sealer: new Sealer(deriveKey(config.auth.jwtSecret, 'refresh-grace')),
    refreshTtlDays: config.auth.refreshTokenTtlDays,
    cacheMs: config.auth.sessionCacheMs,
  });
  const tokens = new AccessTokens(config.auth.jwtSecret, config.auth.accessTokenTtlSeconds, clock);
  const limiter = new RateLimiter(models.RateLimitSlot, clock);
  const smsLogin = new SmsLoginService({
    codes: new SmsCodesRepository(models),
    sms: deps.sms,
    limiter,
    clock,
    codeKey: deriveKey(config.auth.jwtSecret, 'sms-code'),
  });
  const auth = new AuthService({ users, sessions, tokens, wechat: deps.wechat, smsLogin, clock });
  const usersService = new UsersService({
    users,
    clock,
    cache: new TtlCache<UserDocument>(config.auth.sessionCacheMs, 50_000),
  });
  const catalogStore = new CatalogStore({
    source: deps.catalog,
    snapshots: new CatalogSnapshotsRepository(models),
    clock,
    logger,
    refreshMs: config.catalog.refreshMs,
    retryMs: Math.min(config.catalog.refreshMs, CATALOG_RETRY_MS),
  });
  const catalog = new CatalogService(catalogStore);
  const favorites = new FavoritesService({ favorites: new FavoritesRepository(models), catalog, clock });
  const identitySealer = new Sealer(deriveKey(config.dataEncryptionKey, 'identity-seal'));
  const bindings = new IdentityBindings({ models, clock });
  const identity = new IdentityService({
    users,
    usersService,
    identity: deps.identity,
    wechat: deps.wechat,
    bindings,
    sessions,
    limiter,
    sealer: identitySealer,
    idHashKey: deriveKey(config.dataEncryptionKey, 'id-hash'),
    clock,
  });
  const dataUse = new DataUseService({ repository: new DataUseRepository(models), clock });
  const authenticated = requireAuth({ tokens, sessions, people: identity, dataUse, clock });
  const drafts = new DraftsService({ drafts: new DraftsRepository(models), catalog, clock });
  const messages = new MessagesService(models);
  const inPerson = new InPersonService({
    identity,
    users,
    usersService,
    sessions,
    bindings,
    notices: new IdentityNotices({ users, sms: deps.sms, messages, logger }),
    models,
    face: deps.wechat,
    ctid: deps.ctid,
    limiter,
    sealer: identitySealer,
    clock,
  });
  const applicationsRepository = new ApplicationsRepository(models);
  const subscribeNotifier = new SubscribeNotifier({
    wechat: deps.wechat,
    users,
    templates: config.wechat.templates,
    logger,
  });
  const approvalEvents = new ApprovalEventsService({
    applications: applicationsRepository,
    messages,
    notifier: subscribeNotifier,
    logger,
  });
  const materials = new MaterialsService({ models, approval: deps.approval, identity, clock });
  const progressTags = new ProgressTags(deriveKey(config.dataEncryptionKey, 'progress-lookup'));
  const applications = new ApplicationsService({
    applications: applicationsRepository,
    approval: deps.approval,
    identityRecords: deps.identity,
    identity,
    users,
    catalog,
    drafts,
    materials,
    idempotency: new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY),
    progressTags,
    clock,
  });

  const registry = new OpenAPIRegistry();
  const api = new Router<AppState>({ prefix: API_PREFIX });
  authRoutes(api, registry, API_PREFIX, { auth, requireAuth: authenticated });
  usersRoutes(api, registry, API_PREFIX, { users: usersService, requireAuth: authenticated });
  sessionsRoutes(api, registry, API_PREFIX, { sessions, requireAuth: authenticated });
  catalogRoutes(api, registry, API_PREFIX, { catalog });
  searchRoutes(api, registry, API_PREFIX, { search: new SearchService(catalogStore) });
  favoritesRoutes(api, registry, API_PREFIX, { favorites, requireAuth: authenticated });
  draftsRoutes(api, registry, API_PREFIX, { drafts, requireAuth: authenticated });
  identityRoutes(api, registry, API_PREFIX, { identity, inPerson, requireAuth: authenticated });
  const accountDeletions = new AccountDeletionService({
    models,
    closing: new AccountClosing({ models, sessions, bindings }),
    clock,
  });
  privacyRoutes(api, registry, API_PREFIX, {
    dataUse,
    deletions: accountDeletions,
    exporter: new PersonalExportService({ models, identity, dataUse, deletions: accountDeletions, clock }),
    notice: privacyNotice(retentionFacts(models, { refreshTtlDays: config.auth.refreshTokenTtlDays })),
    requireAuth: authenticated,
  });
  materialsRoutes(api, registry, API_PREFIX, { materials, requireAuth: authenticated });
  licencesRoutes(api, registry, API_PREFIX, { identity, records: deps.identity, requireAuth: authenticated });
  const packageApplications = new PackageApplicationsService({
    models,
    catalog,
    identity,
    applications,
    idempotency: new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY),
    clock,
  });
  const traffic = new TrafficService({
    traffic: deps.traffic,
    identity,
    catalog,
    lastKnown: new LastKnown({
      models,
      sealer: new Sealer(deriveKey(config.dataEncryptionKey, 'traffic-snapshot')),
      clock,
      logger,
      options: { ...config.traffic, maxEntries: TRAFFIC_CACHE_ENTRIES },
    }),
    vehicleIdKey: deriveKey(config.dataEncryptionKey, 'vehicle-id'),
    clock,
  });
  trafficRoutes(api, registry, API_PREFIX, {
    traffic,
    eLicence: new ELicenceService({
      traffic,
      identity,
      sealer: new Sealer(deriveKey(config.dataEncryptionKey, 'e-licence-qr')),
      limiter,
      clock,
    }),
    applications: new TrafficApplicationsService({
      traffic,
      client: deps.traffic,
      identity,
      applications,
      idempotency: new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY),
    }),
    requireAuth: authenticated,
  });
  const halls = new HallsService({ hall: deps.hall, clock });
  hallsRoutes(api, registry, API_PREFIX, { halls });
  const appointments = new AppointmentsService({
    hall: deps.hall,
    halls,
    identity,
    identityRecords: deps.identity,
    users,
    idempotency: new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY),
    limiter,
    sealer: new Sealer(deriveKey(config.dataEncryptionKey, 'appointment-qr')),
    notifier: subscribeNotifier,
    clock,
  });
  appointmentsRoutes(api, registry, API_PREFIX, { appointments, requireAuth: authenticated });
  const tickets = new TicketsService({
    hall: deps.hall,
    halls,
    identity,
    users,
    idempotency: new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY),
    clock,
  });
  ticketsRoutes(api, registry, API_PREFIX, { tickets, requireAuth: authenticated });
  feedbackRoutes(api, registry, API_PREFIX, {
    ratings: new RatingsService({
      feedback: deps.feedback,
      applications,
      cases: applicationsRepository,
      identity,
    }),
    complaints: new ComplaintsService({
      feedback: deps.feedback,
      identity,
      materials,
      users,
      cases: applicationsRepository,
      idempotency: new IdempotencyStore(models.IdempotencyKey, clock, IDEMPOTENCY),
    }),
    hotTopics: new HotTopicsService({ feedback: deps.feedback, clock }),
    requireAuth: authenticated,
  });
  const progress = new ProgressLookupService({
    applications: applicationsRepository,
    identity,
    tags: progressTags,
    limiter,
  });
  applicationsRoutes(api, registry, API_PREFIX, { applications, progress, requireAuth: authenticated });
  messagesRoutes(api, registry, API_PREFIX, { messages, requireAuth: authenticated });
  packageApplicationsRoutes(api, registry, API_PREFIX, { packages: packageApplications, requireAuth: authenticated });
  approvalHooksRoutes(api, registry, API_PREFIX, { events: approvalEvents, secret: config.approvalWebhookSecret });

  const root = new Router<AppState>();
  healthRoutes(root, registry, {
    connection,
    upstreams: [
      deps.wechat.upstream,
      deps.sms.upstream,
      deps.catalog.upstream,
      deps.identity.upstream,
      deps.approval.upstream,
      deps.traffic.upstream,
      deps.hall.upstream,
      deps.feedback.upstream,
      deps.ctid.upstream,
    ],
  });
  docsRoutes(root, { document: () => openApiDocument(registry), uiEnabled: config.docsEnabled });

  // Behind the load balancer the client is the address it appended last, the
  // rightmost X-Forwarded-For entry; anything left of it the client could type.
  const app = new Koa<AppState>({ proxy: config.trustProxy, maxIpsCount: 1 });
  app.use(requestContext(logger));
  app.use(errorHandler());
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
  if (config.staticDir) app.use(staticFiles(config.staticDir));
  // Errors are answered by errorHandler; this keeps Koa from printing them a second time.
  app.silent = true;
  const adoptBindings = () =>
    identity.adoptUnboundAccounts().catch((error: unknown) => {
      logger.warn({ err: error }, 'binding accounts verified before bindings existed failed; retried on next start');
    });
  return Object.assign(app, {
    warmUp: async () => void (await Promise.all([catalogStore.warm(), adoptBindings()])),
    closeDueAccounts: () => accountDeletions.runDue(clock.now()),
  });
}
