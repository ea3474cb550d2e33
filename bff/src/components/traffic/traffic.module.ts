import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { Logger } from '../../libraries/logger';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { ObserveCache } from '../../libraries/ttl-cache';
import type { TrafficClient } from '../../upstreams/traffic/traffic.client';
import type { ApplicationsService } from '../applications/applications.service';
import type { CatalogService } from '../catalog/catalog.service';
import type { IdentityService } from '../identity/identity.service';
import { ELicenceService } from './e-licence.service';
import { LastKnown, type LastKnownOptions } from './last-known';
import { TrafficApplicationsService } from './traffic-applications.service';
import type { TrafficSnapshotModels } from './traffic-snapshot.model';
import { TrafficSnapshotsRepository } from './traffic-snapshots.repository';
import { trafficRoutes } from './traffic.routes';
import { TrafficService } from './traffic.service';
import { ViolationHandlingService } from './violation-handling.service';
import { violationRoutes } from './violations.routes';

/** Per-instance 车驾管 answers kept in memory (people × kinds), beyond which the oldest go first. */
const TRAFFIC_CACHE_ENTRIES = 50_000;

export interface TrafficModuleDeps {
  routes: ApiRoutes;
  models: TrafficSnapshotModels;
  clock: Clock;
  logger: Logger;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  /** DATA_ENCRYPTION_KEY, from which the snapshot seal, the QR seal and the vehicle-id key are derived. */
  dataKey: string;
  /** How long an answer is fresh, and how long it may be served while it is refreshed. */
  freshness: Omit<LastKnownOptions, 'maxEntries'>;
  client: TrafficClient;
  identity: IdentityService;
  catalog: CatalogService;
  applications: ApplicationsService;
  requireAuth: Middleware<AppState>;
  /** Metrics for the per-person answers in memory (`traffic`); none where metrics are off. */
  observeCache?: ObserveCache | undefined;
}

/** 车驾管: vehicles, licence, violations, the e-licence and the traffic applications. */
export function createTrafficModule(deps: TrafficModuleDeps): { traffic: TrafficService } {
  const { clock, logger, identity, dataKey } = deps;
  const traffic = new TrafficService({
    traffic: deps.client,
    identity,
    catalog: deps.catalog,
    lastKnown: new LastKnown({
      snapshots: new TrafficSnapshotsRepository(deps.models),
      sealer: new Sealer(deriveKey(dataKey, 'traffic-snapshot')),
      clock,
      logger,
      options: { ...deps.freshness, maxEntries: TRAFFIC_CACHE_ENTRIES },
      observer: deps.observeCache?.('traffic'),
    }),
    vehicleIdKey: deriveKey(dataKey, 'vehicle-id'),
    violationIdKey: deriveKey(dataKey, 'violation-id'),
    clock,
  });
  trafficRoutes(deps.routes, {
    traffic,
    eLicence: new ELicenceService({
      traffic,
      identity,
      sealer: new Sealer(deriveKey(dataKey, 'e-licence-qr')),
      limiter: deps.limiter,
      clock,
    }),
    applications: new TrafficApplicationsService({
      traffic,
      client: deps.client,
      identity,
      applications: deps.applications,
      idempotency: deps.idempotency,
    }),
    requireAuth: deps.requireAuth,
  });
  violationRoutes(deps.routes, {
    violations: new ViolationHandlingService({
      traffic,
      client: deps.client,
      identity,
      idempotency: deps.idempotency,
      apiPrefix: deps.routes.prefix,
    }),
    requireAuth: deps.requireAuth,
  });
  return { traffic };
}
