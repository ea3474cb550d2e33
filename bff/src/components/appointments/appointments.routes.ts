import {
  ASSURANCE,
  AppointmentIdParamsSchema,
  AppointmentListSchema,
  AppointmentRequestSchema,
  AppointmentSchema,
  RescheduleRequestSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { AppointmentsService } from './appointments.service';

export function appointmentsRoutes(
  routes: ApiRoutes,
  deps: { appointments: AppointmentsService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['预约'], assurance: ASSURANCE.realName, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/appointments',
    summary: 'Book a slot (Idempotency-Key header required; a full slot is 409 SLOT_FULL, never oversold)',
    body: AppointmentRequestSchema,
    response: { status: 201, schema: AppointmentSchema, description: '预约成功' },
    idempotent: true,
    errors: [404, 429],
    handler: (ctx, { body }) => deps.appointments.book(authOf(ctx), idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/appointments',
    summary: 'My bookings (for myself and those I made for others), with my no-shows and any block they caused',
    response: { status: 200, schema: AppointmentListSchema, description: '我的预约' },
    handler: (ctx) => deps.appointments.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/appointments/{id}',
    summary: "One of my bookings with its sign-in QR payload (someone else's is 404)",
    params: AppointmentIdParamsSchema,
    response: { status: 200, schema: AppointmentSchema, description: '预约详情' },
    handler: (ctx, { params }) => deps.appointments.get(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/appointments/{id}/cancel',
    summary: 'Cancel my booking before its slot (cancelling in time never counts; only no-shows block new bookings)',
    params: AppointmentIdParamsSchema,
    response: { status: 200, schema: AppointmentSchema, description: '已取消' },
    errors: [409],
    handler: (ctx, { params }) => deps.appointments.cancel(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/appointments/{id}/reschedule',
    summary:
      'Move my booking to another slot of the same hall and business (the old place is kept until the new one is taken)',
    params: AppointmentIdParamsSchema,
    body: RescheduleRequestSchema,
    response: { status: 200, schema: AppointmentSchema, description: '已改约' },
    errors: [409],
    handler: (ctx, { params, body }) => deps.appointments.reschedule(authOf(ctx).userId, params.id, body),
  });
}
