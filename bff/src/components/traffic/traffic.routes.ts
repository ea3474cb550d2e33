import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  ApplicationDetailSchema,
  DowngradeRequestSchema,
  ELicenceCardSchema,
  ELicenceVerifyRequestSchema,
  ELicenceVerifyResultSchema,
  LicenceAnswerSchema,
  MortgageReleaseRequestSchema,
  VehicleAnswerSchema,
  VehicleIdParamsSchema,
  VehicleListSchema,
  ViolationListQuerySchema,
  ViolationListSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute } from '../../libraries/routes';
import type { ELicenceService } from './e-licence.service';
import type { TrafficApplicationsService } from './traffic-applications.service';
import type { TrafficService } from './traffic.service';

export function trafficRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: {
    traffic: TrafficService;
    eLicence: ELicenceService;
    applications: TrafficApplicationsService;
    requireAuth: Middleware<AppState>;
  },
): void {
  const common = { tags: ['车驾管'], auth: true, before: [deps.requireAuth] };

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'get',
    path: '/vehicles',
    summary: 'Vehicles registered to my verified identity (plates masked; ids are opaque)',
    response: { status: 200, schema: VehicleListSchema, description: '我的车辆' },
    errors: [403, 503],
    handler: (ctx) => deps.traffic.vehicles(authOf(ctx).userId),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'get',
    path: '/vehicles/{id}',
    summary: "One of my vehicles (someone else's id is 404)",
    params: VehicleIdParamsSchema,
    response: { status: 200, schema: VehicleAnswerSchema, description: '车辆详情' },
    errors: [403, 404, 503],
    handler: (ctx, { params }) => deps.traffic.vehicle(authOf(ctx).userId, params.id),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'post',
    path: '/vehicles/{id}/mortgage-release',
    summary: '机动车解除抵押登记 for my mortgaged vehicle (Idempotency-Key header required)',
    params: VehicleIdParamsSchema,
    body: MortgageReleaseRequestSchema,
    response: { status: 201, schema: ApplicationDetailSchema, description: '已提交，返回办件编号' },
    errors: [403, 404, 409, 422, 503],
    handler: async (ctx, { params, body }) => {
      const answer = await deps.applications.mortgageRelease(
        authOf(ctx).userId,
        params.id,
        idempotencyKeyOf(ctx),
        body,
      );
      ctx.status = answer.status;
      return answer.body;
    },
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'get',
    path: '/licence',
    summary: 'My driving licence: class, points, validity, statuses in words',
    response: { status: 200, schema: LicenceAnswerSchema, description: '我的驾驶证' },
    errors: [403, 404, 503],
    handler: (ctx) => deps.traffic.licence(authOf(ctx).userId),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'post',
    path: '/licence/downgrade',
    summary: '驾驶证自愿降级 to a lower class (Idempotency-Key header required)',
    body: DowngradeRequestSchema,
    response: { status: 201, schema: ApplicationDetailSchema, description: '已提交，返回办件编号' },
    errors: [403, 404, 409, 422, 503],
    handler: async (ctx, { body }) => {
      const answer = await deps.applications.downgrade(authOf(ctx).userId, idempotencyKeyOf(ctx), body);
      ctx.status = answer.status;
      return answer.body;
    },
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'get',
    path: '/licence/e-card',
    summary: 'My electronic driving licence with a signed QR payload that expires (refresh every minute)',
    response: { status: 200, schema: ELicenceCardSchema, description: '电子驾驶证' },
    errors: [403, 404, 503],
    handler: (ctx) => deps.eLicence.card(authOf(ctx).userId),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'get',
    path: '/violations',
    summary: 'Traffic violations on my licence and my vehicles, with totals',
    query: ViolationListQuerySchema,
    response: { status: 200, schema: ViolationListSchema, description: '违法记录' },
    errors: [403, 503],
    handler: (ctx, { query }) => deps.traffic.violations(authOf(ctx).userId, query),
  });

  defineRoute(router, registry, prefix, {
    method: 'post',
    path: '/verify/e-licence',
    summary: "An officer's device checks a scanned e-licence QR payload: valid, expired or forged (rate limited)",
    tags: ['车驾管'],
    auth: false,
    body: ELicenceVerifyRequestSchema,
    response: { status: 200, schema: ELicenceVerifyResultSchema, description: '核验结果' },
    errors: [429],
    handler: (ctx, { body }) => deps.eLicence.verify(body.payload, ctx.ip),
  });
}
