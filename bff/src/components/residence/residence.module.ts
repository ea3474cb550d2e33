import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { CatalogService } from '../catalog/catalog.service';
import type { IdentityService } from '../identity/identity.service';
import { ResidenceEligibility, type ItemEligibility } from './residence-eligibility';
import { residenceRoutes } from './residence.routes';
import { ResidenceService } from './residence.service';

export interface ResidenceModuleDeps {
  routes: ApiRoutes;
  clock: Clock;
  limiter: RateLimiter;
  /** DATA_ENCRYPTION_KEY, from which the 电子居住证 QR seal is derived. */
  dataKey: string;
  /** The identity system, which keeps the 居住登记 and 居住证 register. */
  records: IdentityClient;
  identity: IdentityService;
  catalog: CatalogService;
  requireAuth: Middleware<AppState>;
}

/** 居住证: 我的居住证, the 电子居住证 and its verification, and the pre-check of the 居住证 items. */
export function createResidenceModule(deps: ResidenceModuleDeps): {
  residence: ResidenceService;
  eligibility: ItemEligibility;
} {
  const { clock, records } = deps;
  const residence = new ResidenceService({
    records,
    identity: deps.identity,
    catalog: deps.catalog,
    sealer: new Sealer(deriveKey(deps.dataKey, 'residence-permit-qr')),
    limiter: deps.limiter,
    clock,
  });
  residenceRoutes(deps.routes, { residence, requireAuth: deps.requireAuth });
  return { residence, eligibility: new ResidenceEligibility({ records, clock }) };
}
