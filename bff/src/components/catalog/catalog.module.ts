import type { Clock } from '../../libraries/clock';
import type { Logger } from '../../libraries/logger';
import type { ApiRoutes } from '../../libraries/routes';
import type { ObserveCache } from '../../libraries/ttl-cache';
import type { CatalogSnapshotModels } from './catalog-snapshot.model';
import { CatalogSnapshotsRepository } from './catalog-snapshots.repository';
import { CatalogStore, type CatalogSource } from './catalog-store';
import { catalogRoutes } from './catalog.routes';
import { CatalogService } from './catalog.service';
import { RepeatAnswers } from './repeat-answers';

/** Requests remembered as sent, for answering repeats before validation: by count and by bytes. */
const REPEAT_ANSWERS = { entries: 10_000, bytes: 48 * 1024 * 1024 };

/** How soon an instance asks the catalog system again after it failed. */
const CATALOG_RETRY_MS = 5000;

export interface CatalogModuleDeps {
  routes: ApiRoutes;
  models: CatalogSnapshotModels;
  clock: Clock;
  logger: Logger;
  source: CatalogSource;
  refreshMs: number;
  /** Metrics for the encoded guides (`catalog-guides`) and the repeated requests (`catalog-repeats`). */
  observeCache?: ObserveCache | undefined;
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
  const catalog = new CatalogService(store, deps.observeCache?.('catalog-guides'));
  const repeats = new RepeatAnswers(store, REPEAT_ANSWERS, deps.observeCache?.('catalog-repeats'));
  catalogRoutes(deps.routes, { catalog, repeats });
  return { catalog, store, repeats };
}
