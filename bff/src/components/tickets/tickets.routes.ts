import {
  ASSURANCE,
  HallIdParamsSchema,
  TicketIdParamsSchema,
  TicketRequestSchema,
  TicketSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { TicketsService } from './tickets.service';

export function ticketsRoutes(
  routes: ApiRoutes,
  deps: { tickets: TicketsService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['办事大厅'], assurance: ASSURANCE.realName, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/halls/{id}/tickets',
    summary:
      'Take a queue ticket remotely, while the hall is open or from 30 minutes before (Idempotency-Key header required)',
    params: HallIdParamsSchema,
    body: TicketRequestSchema,
    response: { status: 201, schema: TicketSchema, description: '取号成功' },
    idempotent: true,
    handler: (ctx, { params, body }) => deps.tickets.take(authOf(ctx).userId, idempotencyKeyOf(ctx), params.id, body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/tickets/{id}',
    summary: 'My ticket: people ahead, estimated wait, and the window once called',
    params: TicketIdParamsSchema,
    response: { status: 200, schema: TicketSchema, description: '排队状态' },
    handler: (ctx, { params }) => deps.tickets.get(authOf(ctx).userId, params.id),
  });
}
