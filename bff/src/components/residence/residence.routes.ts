import {
  ASSURANCE,
  ResidenceOverviewSchema,
  ResidencePermitCardSchema,
  ResidencePermitVerifyRequestSchema,
  ResidencePermitVerifyResultSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { ResidenceService } from './residence.service';

export function residenceRoutes(
  routes: ApiRoutes,
  deps: { residence: ResidenceService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['居住证'], before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/residence',
    assurance: ASSURANCE.inPerson,
    dataUse: { feature: 'residence', what: '查询居住登记和居住证' },
    summary: '我的居住证: 居住登记, the permit with its 签注 record, and what may be applied for now (with reasons)',
    response: { status: 200, schema: ResidenceOverviewSchema, description: '我的居住证' },
    handler: (ctx) => deps.residence.overview(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/residence/e-card',
    assurance: ASSURANCE.inPersonNow,
    dataUse: { feature: 'residence-qr', what: '出示电子居住证' },
    summary: 'My 电子居住证 with a sealed QR payload that expires (refresh every minute); no QR unless valid',
    response: { status: 200, schema: ResidencePermitCardSchema, description: '电子居住证' },
    errors: [404],
    handler: (ctx) => deps.residence.card(authOf(ctx).userId),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/verify/residence-permit',
    summary: "A verifier's device checks a scanned 电子居住证 QR payload: valid, expired or forged (rate limited)",
    tags: ['居住证'],
    assurance: ASSURANCE.public,
    body: ResidencePermitVerifyRequestSchema,
    response: { status: 200, schema: ResidencePermitVerifyResultSchema, description: '核验结果' },
    errors: [429],
    handler: (ctx, { body }) => deps.residence.verify(body.payload, ctx.ip),
  });
}
