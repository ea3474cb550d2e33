import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { CatalogService } from '../catalog/catalog.service';
import type { FamilyAuthority } from '../family/family-authority';
import type { DraftModels } from './draft.model';
import { DraftsRepository } from './drafts.repository';
import { draftsRoutes } from './drafts.routes';
import { DraftsService } from './drafts.service';

export interface DraftsModuleDeps {
  routes: ApiRoutes;
  models: DraftModels;
  catalog: CatalogService;
  /** Whether I may act for the family member a draft is for. */
  family: FamilyAuthority;
  clock: Clock;
  requireAuth: Middleware<AppState>;
}

/** 草稿: a form saved half-filled, per person and item. */
export function createDraftsModule({ routes, models, catalog, family, clock, requireAuth }: DraftsModuleDeps) {
  const drafts = new DraftsService({ drafts: new DraftsRepository(models), catalog, family, clock });
  draftsRoutes(routes, { drafts, requireAuth });
  return { drafts };
}
