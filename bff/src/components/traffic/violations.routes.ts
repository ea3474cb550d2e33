import {
  ASSURANCE,
  HandlingDecisionSchema,
  HandlingPreviewSchema,
  ViolationAnswerSchema,
  ViolationIdParamsSchema,
  ViolationPhotoParamsSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { ViolationHandlingService } from './violation-handling.service';

/** 违法处理: one violation of mine (ids from GET /violations), its photos, and handling it online. */
export function violationRoutes(
  routes: ApiRoutes,
  deps: { violations: ViolationHandlingService; requireAuth: Middleware<AppState> },
): void {
  // The same level as the list the ids come from.
  const common = { tags: ['车驾管'], assurance: ASSURANCE.inPerson, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/violations/{id}',
    dataUse: { feature: 'violations', what: '查看交通违法详情' },
    summary:
      "One of my violations: act, place, time, fine, points, state, 决定书编号 and photo URLs (someone else's id is 404)",
    params: ViolationIdParamsSchema,
    response: { status: 200, schema: ViolationAnswerSchema, description: '违法详情' },
    handler: (ctx, { params }) => deps.violations.detail(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/violations/{id}/photos/{n}',
    // No usage record of its own: the photos are part of the detail, whose view is recorded once.
    summary:
      'Evidence photo n (1-based) of one of my camera violations: the image itself (image/svg+xml or image/jpeg)',
    params: ViolationPhotoParamsSchema,
    response: {
      status: 200,
      // Cache-Control stays no-store like every API answer: the photo shows the user's plate.
      mediaTypes: ['image/svg+xml', 'image/jpeg'],
      description: 'The image (its Content-Type says which kind)',
    },
    handler: async (ctx, { params }) => {
      const photo = await deps.violations.photo(authOf(ctx).userId, params.id, Number(params.n));
      ctx.type = photo.contentType;
      return photo.bytes;
    },
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/violations/{id}/handling',
    dataUse: { feature: 'violations', what: '查询违法处理条件' },
    summary:
      'Whether I may handle the violation online (交管12123 rules) and what it does (points, fine, due date); or why not and which window to go to',
    params: ViolationIdParamsSchema,
    response: { status: 200, schema: HandlingPreviewSchema, description: '处理前须知' },
    handler: (ctx, { params }) => deps.violations.preview(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/violations/{id}/handling',
    dataUse: { feature: 'violations', what: '网上处理交通违法' },
    summary: 'Handles the violation online: the 处罚决定书 is issued once per Idempotency-Key (header required)',
    params: ViolationIdParamsSchema,
    response: { status: 201, schema: HandlingDecisionSchema, description: '已处理，返回处罚决定书' },
    // 409 (documented by rule): VIOLATION_ALREADY_HANDLED, or VIOLATION_NOT_HANDLEABLE saying why and which window.
    idempotent: true,
    handler: (ctx, { params }) => deps.violations.handle(authOf(ctx).userId, params.id, idempotencyKeyOf(ctx)),
  });
}
