import {
  ASSURANCE,
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
import { authOf, personOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { ELicenceService } from './e-licence.service';
import type { TrafficApplicationsService } from './traffic-applications.service';
import type { TrafficService } from './traffic.service';

export function trafficRoutes(
  routes: ApiRoutes,
  deps: {
    traffic: TrafficService;
    eLicence: ELicenceService;
    applications: TrafficApplicationsService;
    requireAuth: Middleware<AppState>;
  },
): void {
  const common = { tags: ['车驾管'], assurance: ASSURANCE.inPerson, before: [deps.requireAuth] };
  const submitted = { status: 201, schema: ApplicationDetailSchema, description: '已提交，返回办件编号' } as const;

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/vehicles',
    dataUse: { feature: 'vehicles', what: '查询名下机动车' },
    summary: 'Vehicles registered to my verified identity (plates masked; ids are opaque)',
    response: { status: 200, schema: VehicleListSchema, description: '我的车辆' },
    handler: (ctx) => deps.traffic.vehicles(authOf(ctx).userId, personOf(ctx)),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/vehicles/{id}',
    dataUse: { feature: 'vehicle', what: '查看机动车详情' },
    summary: "One of my vehicles (someone else's id is 404)",
    params: VehicleIdParamsSchema,
    response: { status: 200, schema: VehicleAnswerSchema, description: '车辆详情' },
    handler: (ctx, { params }) => deps.traffic.vehicle(authOf(ctx).userId, params.id),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/vehicles/{id}/mortgage-release',
    dataUse: { feature: 'vehicle', what: '申请解除抵押时读取车辆档案' },
    summary: '机动车解除抵押登记 for my mortgaged vehicle (Idempotency-Key header required)',
    params: VehicleIdParamsSchema,
    body: MortgageReleaseRequestSchema,
    response: submitted,
    idempotent: true,
    handler: (ctx, { params, body }) =>
      deps.applications.mortgageRelease(authOf(ctx).userId, params.id, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/licence',
    dataUse: { feature: 'licence', what: '查询驾驶证信息' },
    summary: 'My driving licence: class, points, validity, statuses in words',
    response: { status: 200, schema: LicenceAnswerSchema, description: '我的驾驶证' },
    errors: [404],
    handler: (ctx) => deps.traffic.licence(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/licence/downgrade',
    dataUse: { feature: 'licence', what: '申请自愿降级时读取驾驶证档案' },
    summary: '驾驶证自愿降级 to a lower class (Idempotency-Key header required)',
    body: DowngradeRequestSchema,
    response: submitted,
    idempotent: true,
    errors: [404],
    handler: (ctx, { body }) => deps.applications.downgrade(authOf(ctx).userId, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/licence/e-card',
    dataUse: { feature: 'e-licence-qr', what: '出示电子驾驶证' },
    assurance: ASSURANCE.inPersonNow,
    summary: 'My electronic driving licence with a signed QR payload that expires (refresh every minute)',
    response: { status: 200, schema: ELicenceCardSchema, description: '电子驾驶证' },
    errors: [404],
    handler: (ctx) => deps.eLicence.card(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/violations',
    dataUse: { feature: 'violations', what: '查询交通违法记录' },
    summary: 'Traffic violations on my licence and my vehicles, with totals',
    query: ViolationListQuerySchema,
    response: { status: 200, schema: ViolationListSchema, description: '违法记录' },
    handler: (ctx, { query }) => deps.traffic.violations(authOf(ctx).userId, query),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/verify/e-licence',
    summary: "An officer's device checks a scanned e-licence QR payload: valid, expired or forged (rate limited)",
    tags: ['车驾管'],
    assurance: ASSURANCE.public,
    body: ELicenceVerifyRequestSchema,
    response: { status: 200, schema: ELicenceVerifyResultSchema, description: '核验结果' },
    errors: [429],
    handler: (ctx, { body }) => deps.eLicence.verify(body.payload, ctx.ip),
  });
}
