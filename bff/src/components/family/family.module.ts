import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { SmsClient } from '../../upstreams/sms/sms.client';
import { FamilyConsent } from './family-consent';
import type { FamilyLinkModels } from './family-link.model';
import { FamilyLinksRepository } from './family-links.repository';
import { familyRoutes } from './family.routes';
import { FamilyService, type FamilyServiceDeps } from './family.service';

export interface FamilyModuleDeps {
  routes: ApiRoutes;
  models: FamilyLinkModels;
  clock: Clock;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  /** DATA_ENCRYPTION_KEY, from which the members' seal and the consent-code key are derived. */
  dataKey: string;
  identity: FamilyServiceDeps['identity'];
  bindings: FamilyServiceDeps['bindings'];
  /** The population register and the e-licence store. */
  records: Pick<IdentityClient, 'verify' | 'licences' | 'contactPhone'>;
  sms: Pick<SmsClient, 'sendFamilyConsentCode'>;
  dataUse: FamilyServiceDeps['dataUse'];
  requireAuth: Middleware<AppState>;
}

/**
 * 家人代办: whom a citizen may act for. Exports `family`, the FamilyAuthority
 * the applications, appointments and wallet components ask before acting.
 */
export function createFamilyModule(deps: FamilyModuleDeps) {
  const { clock, limiter } = deps;
  const family = new FamilyService({
    links: new FamilyLinksRepository(deps.models),
    identity: deps.identity,
    bindings: deps.bindings,
    records: deps.records,
    consent: new FamilyConsent({ sms: deps.sms, limiter, clock, codeKey: deriveKey(deps.dataKey, 'family-consent') }),
    dataUse: deps.dataUse,
    sealer: new Sealer(deriveKey(deps.dataKey, 'family-members')),
    linkIdKey: deriveKey(deps.dataKey, 'family-link-ids'),
    limiter,
    idempotency: deps.idempotency,
    clock,
  });
  familyRoutes(deps.routes, { family, requireAuth: deps.requireAuth });
  return { family };
}
