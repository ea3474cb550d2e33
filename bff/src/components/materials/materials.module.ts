import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { ApprovalClient } from '../../upstreams/approval/approval.client';
import type { IdentityService } from '../identity/identity.service';
import type { MaterialModels } from './material.model';
import { MaterialsRepository } from './materials.repository';
import { materialsRoutes } from './materials.routes';
import { MaterialsService } from './materials.service';

export interface MaterialsModuleDeps {
  routes: ApiRoutes;
  models: MaterialModels;
  approval: ApprovalClient;
  identity: IdentityService;
  clock: Clock;
  requireAuth: Middleware<AppState>;
}

/** Uploaded materials, kept in the approval system and referenced by the applications. */
export function createMaterialsModule({ routes, models, requireAuth, ...deps }: MaterialsModuleDeps) {
  const materials = new MaterialsService({ materials: new MaterialsRepository(models), ...deps });
  materialsRoutes(routes, { materials, requireAuth });
  return { materials };
}
