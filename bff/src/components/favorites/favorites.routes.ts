import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ASSURANCE, FavoriteListResponseSchema, FavoriteSchema, ItemCodeParamsSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import type { FavoritesService } from './favorites.service';

/** 我的收藏: always the logged-in user's own; the user comes from the token, never from the URL. */
export function favoritesRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { favorites: FavoritesService; requireAuth: Middleware<AppState> },
): void {
  const { favorites, requireAuth } = deps;
  const tags = ['我的收藏'];

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/favorites',
    summary: 'My favourite items, newest first',
    tags,
    assurance: ASSURANCE.account,
    before: [requireAuth],
    response: { status: 200, schema: FavoriteListResponseSchema, description: '我的收藏' },
    handler: (ctx) => favorites.list(authOf(ctx).userId),
  });

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/favorites/{code}',
    summary: 'Whether I have favourited an item',
    tags,
    assurance: ASSURANCE.account,
    before: [requireAuth],
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: FavoriteSchema, description: '收藏状态' },
    handler: (ctx, { params }) => favorites.state(authOf(ctx).userId, params.code),
  });

  defineRoute(router, registry, prefix, {
    method: 'put',
    path: '/favorites/{code}',
    summary: 'Favourite an item (idempotent)',
    tags,
    assurance: ASSURANCE.account,
    before: [requireAuth],
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: FavoriteSchema, description: '已收藏' },
    errors: [404, 409],
    handler: (ctx, { params }) => favorites.add(authOf(ctx).userId, params.code),
  });

  defineRoute(router, registry, prefix, {
    method: 'delete',
    path: '/favorites/{code}',
    summary: 'Remove a favourite (idempotent)',
    tags,
    assurance: ASSURANCE.account,
    before: [requireAuth],
    params: ItemCodeParamsSchema,
    response: { status: 200, schema: FavoriteSchema, description: '已取消收藏' },
    handler: (ctx, { params }) => favorites.remove(authOf(ctx).userId, params.code),
  });
}
