import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import {
  FaceCheckResultRequestSchema,
  FaceCheckStartSchema,
  IdentityStatusSchema,
  IdentityVerifyRequestSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import type { IdentityService } from './identity.service';

export function identityRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { identity: IdentityService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['实名认证'], auth: true, before: [deps.requireAuth] };

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'get',
    path: '/identity',
    summary: 'My real-name status (name and ID number masked)',
    response: { status: 200, schema: IdentityStatusSchema, description: '实名状态' },
    handler: (ctx) => deps.identity.status(authOf(ctx).userId),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'post',
    path: '/identity/verify',
    summary: 'Verify my name and ID number against the population register (5 tries a day)',
    body: IdentityVerifyRequestSchema,
    response: { status: 200, schema: IdentityStatusSchema, description: '已实名' },
    errors: [409, 429, 503],
    handler: (ctx, { body }) => deps.identity.verify(authOf(ctx).userId, body),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'post',
    path: '/identity/face/start',
    summary: 'Start a face check (人脸核身) for my name and ID number; the client then runs wx.requestFacialVerify',
    body: IdentityVerifyRequestSchema,
    response: { status: 200, schema: FaceCheckStartSchema, description: '已发起人脸核验' },
    errors: [409, 429, 503],
    handler: (ctx, { body }) => deps.identity.startFaceCheck(authOf(ctx).userId, body),
  });

  defineRoute(router, registry, prefix, {
    ...common,
    method: 'post',
    path: '/identity/face/result',
    summary: 'The outcome of my face check; when it passed, my account is verified by face',
    body: FaceCheckResultRequestSchema,
    response: { status: 200, schema: IdentityStatusSchema, description: '已实名（人脸核身）' },
    errors: [409, 503],
    handler: (ctx, { body }) => deps.identity.finishFaceCheck(authOf(ctx).userId, body.verifyId),
  });
}
