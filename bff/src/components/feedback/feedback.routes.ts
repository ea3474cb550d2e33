import {
  ASSURANCE,
  CaseNoParamsSchema,
  ComplaintDetailSchema,
  ComplaintIdParamsSchema,
  ComplaintListSchema,
  ComplaintRatingRequestSchema,
  ComplaintRequestSchema,
  HotTopicListSchema,
  HotTopicQuerySchema,
  RatingRequestSchema,
  RatingSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { ComplaintsService } from './complaints.service';
import type { HotTopicsService } from './hot-topics.service';
import type { RatingsService } from './ratings.service';

export function feedbackRoutes(
  routes: ApiRoutes,
  deps: {
    ratings: RatingsService;
    complaints: ComplaintsService;
    hotTopics: HotTopicsService;
    requireAuth: Middleware<AppState>;
  },
): void {
  const common = { tags: ['好差评与诉求'], assurance: ASSURANCE.realName, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/applications/{caseNo}/rating',
    summary: 'Rate my finished case once (一事一评): five levels, four sub-scores, a reason for a bad review',
    params: CaseNoParamsSchema,
    body: RatingRequestSchema,
    response: { status: 201, schema: RatingSchema, description: '评价成功' },
    errors: [409],
    handler: async (ctx, { params, body }) => {
      const answer = await deps.ratings.rate(authOf(ctx).userId, params.caseNo, body);
      ctx.status = answer.status;
      return answer.body;
    },
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/applications/{caseNo}/rating',
    summary: "My rating of my case, with a bad review's follow-up (核实, 整改, 回访)",
    params: CaseNoParamsSchema,
    response: { status: 200, schema: RatingSchema, description: '我的评价' },
    handler: (ctx, { params }) => deps.ratings.get(authOf(ctx).userId, params.caseNo),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/complaints',
    summary: 'File a complaint or suggestion into the 12345 loop (Idempotency-Key header required)',
    body: ComplaintRequestSchema,
    response: { status: 201, schema: ComplaintDetailSchema, description: '已受理' },
    idempotent: true,
    errors: [404],
    handler: (ctx, { body }) => deps.complaints.create(authOf(ctx).userId, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/complaints',
    summary: 'My complaints and suggestions, newest first',
    response: { status: 200, schema: ComplaintListSchema, description: '我的诉求' },
    handler: (ctx) => deps.complaints.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/complaints/{id}',
    summary: "One of my requests with the loop's steps (接 答 派 办 评); someone else's is 404",
    params: ComplaintIdParamsSchema,
    response: { status: 200, schema: ComplaintDetailSchema, description: '诉求详情' },
    handler: (ctx, { params }) => deps.complaints.get(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/complaints/{id}/rating',
    summary: 'Rate how my handled request was handled (once)',
    params: ComplaintIdParamsSchema,
    body: ComplaintRatingRequestSchema,
    response: { status: 200, schema: ComplaintDetailSchema, description: '已评价' },
    errors: [409],
    handler: (ctx, { params, body }) => deps.complaints.rate(authOf(ctx).userId, params.id, body),
  });

  defineRoute(routes, {
    method: 'get',
    path: '/hot-topics',
    summary: '民声热点榜: hot public concerns, hottest first (public)',
    tags: ['好差评与诉求'],
    assurance: ASSURANCE.public,
    query: HotTopicQuerySchema,
    response: { status: 200, schema: HotTopicListSchema, description: '民声热点榜' },
    handler: (_ctx, { query }) => deps.hotTopics.list(query.status),
  });
}
