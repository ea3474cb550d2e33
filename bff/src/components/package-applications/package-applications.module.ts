import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { PackageApplicationModels } from './package-application.model';
import { PackageApplicationsRepository } from './package-applications.repository';
import { packageApplicationsRoutes } from './package-applications.routes';
import { PackageApplicationsService, type PackageApplicationsDeps } from './package-applications.service';

export interface PackageApplicationsModuleDeps extends Omit<PackageApplicationsDeps, 'packages'> {
  routes: ApiRoutes;
  models: PackageApplicationModels;
  requireAuth: Middleware<AppState>;
}

/** 一件事: one combined form filed as a case per member item. */
export function createPackageApplicationsModule({
  routes,
  models,
  requireAuth,
  ...deps
}: PackageApplicationsModuleDeps): void {
  const packages = new PackageApplicationsService({ ...deps, packages: new PackageApplicationsRepository(models) });
  packageApplicationsRoutes(routes, { packages, requireAuth });
}
