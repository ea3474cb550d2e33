import {
  ASSURANCE,
  HallDetailSchema,
  HallIdParamsSchema,
  HallListQuerySchema,
  HallListSchema,
  HallRecommendationSchema,
  HallRecommendQuerySchema,
  SlotListSchema,
  SlotQuerySchema,
  StationListSchema,
  StationQuerySchema,
} from '@suijing/shared';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { HallsService } from './halls.service';

/** 办事大厅 and 自助服务点: public, no login (finding a hall needs no account). */
export function hallsRoutes(routes: ApiRoutes, deps: { halls: HallsService }): void {
  const common = { tags: ['办事大厅'], assurance: ASSURANCE.public };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/halls',
    summary:
      'Police service halls, nearest first when a position is given, each with its estimated wait (or, closed, when it opens)',
    query: HallListQuerySchema,
    response: { status: 200, schema: HallListSchema, description: '办事大厅' },
    handler: (_ctx, { query }) => deps.halls.list(query),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/halls/recommend',
    summary:
      'The open hall with the shortest expected travel plus wait for a business, with the reason (409 HALLS_CLOSED when none is open, saying when one opens)',
    query: HallRecommendQuerySchema,
    response: { status: 200, schema: HallRecommendationSchema, description: '推荐大厅' },
    errors: [404, 409],
    handler: (_ctx, { query }) => deps.halls.recommend(query),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/halls/{id}',
    summary: 'A hall: hours (with 5+X extended hours), businesses and live queues',
    params: HallIdParamsSchema,
    response: { status: 200, schema: HallDetailSchema, description: '大厅详情' },
    handler: (_ctx, { params }) => deps.halls.detail(params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/halls/{id}/slots',
    summary: "A day's bookable slots of a hall for a business, with places left (and those kept for 60+)",
    params: HallIdParamsSchema,
    query: SlotQuerySchema,
    response: { status: 200, schema: SlotListSchema, description: '可预约时段' },
    errors: [409],
    handler: (_ctx, { params, query }) => deps.halls.slots(params.id, query),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/stations',
    summary: 'Self-service stations and terminals, nearest first when a position is given',
    query: StationQuerySchema,
    response: { status: 200, schema: StationListSchema, description: '自助服务点' },
    handler: (_ctx, { query }) => deps.halls.stations(query),
  });
}
