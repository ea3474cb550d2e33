import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { IdentityService } from '../identity/identity.service';
import { licencesRoutes } from './licences.routes';

export interface LicencesModuleDeps {
  routes: ApiRoutes;
  identity: IdentityService;
  records: IdentityClient;
  requireAuth: Middleware<AppState>;
}

/** 我的证照: the person's licences as the population register holds them. */
export function createLicencesModule({ routes, ...deps }: LicencesModuleDeps): void {
  licencesRoutes(routes, deps);
}
