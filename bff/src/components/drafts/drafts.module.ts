import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { CatalogService } from '../catalog/catalog.service';
import type { DraftModels } from './draft.model';
import { DraftsRepository } from './drafts.repository';
import { draftsRoutes } from './drafts.routes';
import { DraftsService } from './drafts.service';

export interface DraftsModuleDeps {
  routes: ApiRoutes;
  models: DraftModels;
  catalog: CatalogService;
  clock: Clock;
  requireAuth: Middleware<AppState>;
}

/** 草稿: a form saved half-filled, per person and item. */
export function createDraftsModule({ routes, models, catalog, clock, requireAuth }: DraftsModuleDeps) {
  const drafts = new DraftsService({ drafts: new DraftsRepository(models), catalog, clock });
  draftsRoutes(routes, { drafts, requireAuth });
  return { drafts };
}
