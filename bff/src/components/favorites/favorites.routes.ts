import { ASSURANCE, FavoriteListResponseSchema, FavoriteSchema, ItemCodeParamsSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { FavoritesService } from './favorites.service';

/** 我的收藏: always the logged-in user's own; the user comes from the token, never from the URL. */
export function favoritesRoutes(
  routes: ApiRoutes,
  deps: { favorites: FavoritesService; requireAuth: Middleware<AppState> },
): void {
  const { favorites, requireAuth } = deps;
  const common = { tags: ['我的收藏'], assurance: ASSURANCE.account, before: [requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/favorites',
    summary: 'My favourite items, newest first',
    response: { status: 200, schema: FavoriteListResponseSchema, description: '我的收藏' },
    handler: (ctx) => favorites.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/favorites/{code}',
    summary: 'Whether I have favourited an item',
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: FavoriteSchema, description: '收藏状态' },
    handler: (ctx, { params }) => favorites.state(authOf(ctx).userId, params.code),
  });

  defineRoute(routes, {
    ...common,
    method: 'put',
    path: '/favorites/{code}',
    summary: 'Favourite an item (idempotent)',
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: FavoriteSchema, description: '已收藏' },
    errors: [409],
    handler: (ctx, { params }) => favorites.add(authOf(ctx).userId, params.code),
  });

  defineRoute(routes, {
    ...common,
    method: 'delete',
    path: '/favorites/{code}',
    summary: 'Remove a favourite (idempotent)',
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: FavoriteSchema, description: '已取消收藏' },
    handler: (ctx, { params }) => favorites.remove(authOf(ctx).userId, params.code),
  });
}
