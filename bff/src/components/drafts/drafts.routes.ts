import { ASSURANCE, DraftListSchema, DraftParamsSchema, DraftSaveRequestSchema, DraftSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { DraftsService } from './drafts.service';

/** 草稿: always the token's user's own; the user never comes from the URL. */
export function draftsRoutes(
  routes: ApiRoutes,
  deps: { drafts: DraftsService; requireAuth: Middleware<AppState> },
): void {
  const { drafts, requireAuth } = deps;
  const common = { tags: ['在线办理'], assurance: ASSURANCE.account, before: [requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/drafts',
    summary: 'My drafts, most recently saved first (without their data)',
    response: { status: 200, schema: DraftListSchema, description: '草稿列表' },
    handler: (ctx) => drafts.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/drafts/{itemCode}',
    summary: 'My draft of an item, to resume on any device',
    params: DraftParamsSchema,
    response: { status: 200, schema: DraftSchema, description: '草稿' },
    handler: (ctx, { params }) => drafts.get(authOf(ctx).userId, params.itemCode),
  });

  defineRoute(routes, {
    ...common,
    method: 'put',
    path: '/drafts/{itemCode}',
    summary: 'Save what I have typed so far (each value checked by its field rules)',
    params: DraftParamsSchema,
    body: DraftSaveRequestSchema,
    response: { status: 200, schema: DraftSchema, description: '已保存' },
    handler: (ctx, { params, body }) => drafts.save(authOf(ctx).userId, params.itemCode, body),
  });

  defineRoute(routes, {
    ...common,
    method: 'delete',
    path: '/drafts/{itemCode}',
    summary: 'Discard my draft (idempotent)',
    params: DraftParamsSchema,
    response: { status: 204, description: '已删除' },
    handler: (ctx, { params }) => drafts.remove(authOf(ctx).userId, params.itemCode),
  });
}
