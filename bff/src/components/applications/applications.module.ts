import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey } from '../../libraries/crypto';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { EmsPort } from '../../upstreams/ems/ems.types';
import type { AddressBook } from '../addresses/addresses.service';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { CatalogService } from '../catalog/catalog.service';
import type { DraftsService } from '../drafts/drafts.service';
import type { FamilyAuthority } from '../family/family-authority';
import type { FamilyService } from '../family/family.service';
import type { ItemEligibility } from '../residence/residence-eligibility';
import type { IdentityService } from '../identity/identity.service';
import type { MaterialsService } from '../materials/materials.service';
import type { SessionsService } from '../sessions/sessions.service';
import type { UsersService } from '../users/users.service';
import type { ApplicationModels } from './application.model';
import { ApplicationsRepository } from './applications.repository';
import { applicationsRoutes } from './applications.routes';
import { ApplicationsService } from './applications.service';
import { ProgressLookupService } from './progress-lookup.service';
import { ProgressTags } from './progress-tags';
import type { CaseEndings } from '../payments/case-endings';

export interface ApplicationsModuleDeps {
  routes: ApiRoutes;
  models: ApplicationModels;
  clock: Clock;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  /** DATA_ENCRYPTION_KEY, from which the progress-lookup tag key is derived. */
  dataKey: string;
  approval: ApprovalClient;
  identityRecords: IdentityClient;
  identity: IdentityService;
  users: Pick<UsersService, 'account'>;
  sessions: Pick<SessionsService, 'catchUp'>;
  catalog: CatalogService;
  drafts: DraftsService;
  materials: MaterialsService;
  /** The address book a 邮寄 choice may name an address of. */
  addresses: AddressBook;
  ems: EmsPort;
  requireAuth: Middleware<AppState>;
  /** Told when a case is withdrawn (its paid fee is refunded). */
  caseEndings: CaseEndings;
  /** Whether I may act for a family member (代办), read on every call; acts go to the member's usage record. */
  family: FamilyAuthority & Pick<FamilyService, 'recordActing'>;
  /** An item's own rules pre-checked for the person it is for (居住证). */
  eligibility: ItemEligibility;
}

/** 网上办事: filing cases with the approval system, following them, and 办件进度查询 without login. */
export function createApplicationsModule({
  routes,
  models,
  dataKey,
  limiter,
  requireAuth,
  ...deps
}: ApplicationsModuleDeps) {
  const cases = new ApplicationsRepository(models);
  const progressTags = new ProgressTags(deriveKey(dataKey, 'progress-lookup'));
  const applications = new ApplicationsService({ ...deps, applications: cases, progressTags });
  const progress = new ProgressLookupService({
    applications: cases,
    identity: deps.identity,
    tags: progressTags,
    limiter,
  });
  applicationsRoutes(routes, { applications, progress, requireAuth });
  return { applications, cases };
}
