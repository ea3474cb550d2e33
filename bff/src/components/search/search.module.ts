import type { ApiRoutes } from '../../libraries/routes';
import type { ObserveCache } from '../../libraries/ttl-cache';
import type { CatalogStore } from '../catalog/catalog-store';
import type { RepeatAnswers } from '../catalog/repeat-answers';
import { searchRoutes } from './search.routes';
import { SearchService } from './search.service';

/** Search over the catalog the catalog module holds. */
export function createSearchModule(deps: {
  routes: ApiRoutes;
  store: CatalogStore;
  /** The catalog module's answers to repeated requests, shared by its routes and these. */
  repeats: RepeatAnswers;
  observeCache?: ObserveCache | undefined;
}): void {
  searchRoutes(deps.routes, {
    search: new SearchService({ store: deps.store, observer: deps.observeCache?.('search') }),
    repeats: deps.repeats,
  });
}
