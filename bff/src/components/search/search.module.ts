import type { ApiRoutes } from '../../libraries/routes';
import type { CatalogStore } from '../catalog/catalog-store';
import { searchRoutes } from './search.routes';
import { SearchService } from './search.service';

/** Search over the catalog the catalog module holds. */
export function createSearchModule(deps: { routes: ApiRoutes; store: CatalogStore }): void {
  searchRoutes(deps.routes, { search: new SearchService(deps.store) });
}
