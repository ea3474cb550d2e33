import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { CatalogService } from '../catalog/catalog.service';
import type { FavoriteModels } from './favorite.model';
import { FavoritesRepository } from './favorites.repository';
import { favoritesRoutes } from './favorites.routes';
import { FavoritesService } from './favorites.service';

export interface FavoritesModuleDeps {
  routes: ApiRoutes;
  models: FavoriteModels;
  catalog: CatalogService;
  clock: Clock;
  requireAuth: Middleware<AppState>;
}

/** 我的收藏: items a person keeps at hand. */
export function createFavoritesModule({ routes, models, catalog, clock, requireAuth }: FavoritesModuleDeps): void {
  const favorites = new FavoritesService({ favorites: new FavoritesRepository(models), catalog, clock });
  favoritesRoutes(routes, { favorites, requireAuth });
}
