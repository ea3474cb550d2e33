import { MAX_FAVORITES, type Favorite, type FavoriteListResponse } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { CatalogService } from '../catalog/catalog.service';
import type { FavoritesRepository } from './favorites.repository';

export interface FavoritesServiceDeps {
  favorites: FavoritesRepository;
  catalog: CatalogService;
  clock: Clock;
}

/** 我的收藏: items a citizen keeps at hand, per user, in MongoDB. */
export class FavoritesService {
  constructor(private readonly deps: FavoritesServiceDeps) {}

  /** Newest first, each with the item as the catalog has it now (or marked unavailable). */
  async list(userId: string): Promise<FavoriteListResponse> {
    const rows = await this.deps.favorites.listByUser(userId, MAX_FAVORITES);
    const favorites = await Promise.all(
      rows.map(async (row) => {
        const item = await this.deps.catalog.summary(row.code);
        return {
          code: row.code,
          name: item?.name ?? row.name,
          favoritedAt: row.createdAt.toISOString(),
          available: item !== undefined,
          ...(item ? { item } : {}),
        };
      }),
    );
    return { favorites };
  }

  async state(userId: string, code: string): Promise<Favorite> {
    const row = await this.deps.favorites.find(userId, code);
    return row ? { code, favorite: true, favoritedAt: row.createdAt.toISOString() } : { code, favorite: false };
  }

  /** Idempotent: favouriting twice keeps the first time. Only items of the online catalog. */
  async add(userId: string, code: string): Promise<Favorite> {
    const existing = await this.deps.favorites.find(userId, code);
    if (existing) return { code, favorite: true, favoritedAt: existing.createdAt.toISOString() };
    const item = await this.deps.catalog.summary(code);
    if (!item) throw new AppError({ code: 'ITEM_NOT_FOUND' });
    // A soft cap: two concurrent adds at the limit may both pass, which is harmless.
    if ((await this.deps.favorites.countByUser(userId)) >= MAX_FAVORITES)
      throw new AppError({ code: 'FAVORITES_LIMIT' });
    const row = await this.deps.favorites.add(userId, code, item.name, this.deps.clock.now());
    return { code, favorite: true, favoritedAt: row.createdAt.toISOString() };
  }

  /** Idempotent: removing what is not there is fine (also for items that left the catalog). */
  async remove(userId: string, code: string): Promise<Favorite> {
    await this.deps.favorites.remove(userId, code);
    return { code, favorite: false };
  }
}
