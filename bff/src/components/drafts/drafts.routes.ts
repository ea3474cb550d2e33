import {
  ASSURANCE,
  DraftListSchema,
  DraftParamsSchema,
  DraftQuerySchema,
  DraftSaveRequestSchema,
  DraftSchema,
} from '@suijing/shared';
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
    summary: 'My draft of an item (or the one for a family member, ?memberId=), to resume on any device',
    params: DraftParamsSchema,
    query: DraftQuerySchema,
    response: { status: 200, schema: DraftSchema, description: '草稿' },
    handler: (ctx, { params, query }) => drafts.get(authOf(ctx).userId, params.itemCode, query.memberId),
  });

  defineRoute(routes, {
    ...common,
    method: 'put',
    path: '/drafts/{itemCode}',
    summary:
      'Save what I have typed so far (each value checked by its field rules); ?memberId= for a family member I act for',
    params: DraftParamsSchema,
    query: DraftQuerySchema,
    body: DraftSaveRequestSchema,
    response: { status: 200, schema: DraftSchema, description: '已保存' },
    // For a family member: the authority ended, or the item must be filed by the person.
    errors: [403],
    handler: (ctx, { params, query, body }) => drafts.save(authOf(ctx).userId, params.itemCode, body, query.memberId),
  });

  defineRoute(routes, {
    ...common,
    method: 'delete',
    path: '/drafts/{itemCode}',
    summary: 'Discard my draft, or the one for a family member with ?memberId= (idempotent)',
    params: DraftParamsSchema,
    query: DraftQuerySchema,
    response: { status: 204, description: '已删除' },
    handler: (ctx, { params, query }) => drafts.remove(authOf(ctx).userId, params.itemCode, query.memberId),
  });
}
