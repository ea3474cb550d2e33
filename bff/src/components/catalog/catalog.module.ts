import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { ApiRoutes } from '../../libraries/routes';
import type { CatalogSnapshotModels } from './catalog-snapshot.model';
import { CatalogSnapshotsRepository } from './catalog-snapshots.repository';
import { CatalogStore, type CatalogSource } from './catalog-store';
import { catalogRoutes } from './catalog.routes';
import { CatalogService } from './catalog.service';

/** How soon an instance asks the catalog system again after it failed. */
const CATALOG_RETRY_MS = 5000;

export interface CatalogModuleDeps {
  routes: ApiRoutes;
  models: CatalogSnapshotModels;
  clock: Clock;
  logger: Logger;
  source: CatalogSource;
  refreshMs: number;
}

/** 办事指南: the catalog held in memory, its items, categories and 一件事 packages. */
export function createCatalogModule(deps: CatalogModuleDeps) {
  const store = new CatalogStore({
    source: deps.source,
    snapshots: new CatalogSnapshotsRepository(deps.models),
    clock: deps.clock,
    logger: deps.logger,
    refreshMs: deps.refreshMs,
    retryMs: Math.min(deps.refreshMs, CATALOG_RETRY_MS),
  });
  const catalog = new CatalogService(store);
  catalogRoutes(deps.routes, { catalog });
  return { catalog, store };
}
