import type Router from '@koa/router';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ASSURANCE, SessionIdParamsSchema, SessionListSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import type { SessionsService } from './sessions.service';

export function sessionsRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { sessions: SessionsService; requireAuth: Middleware<AppState> },
): void {
  const { sessions, requireAuth } = deps;
  const tags = ['登录与会话'];

  defineRoute(router, registry, prefix, {
    method: 'get',
    path: '/sessions',
    summary: 'My logged-in devices',
    tags,
    assurance: ASSURANCE.account,
    before: [requireAuth],
    response: { status: 200, schema: SessionListSchema, description: '登录设备列表' },
    handler: async (ctx) => {
      const { userId, sessionId } = authOf(ctx);
      return { items: await sessions.list(userId, sessionId) };
    },
  });

  defineRoute(router, registry, prefix, {
    method: 'delete',
    path: '/sessions/{id}',
    summary: "Log out one of my devices (another user's session id is 404)",
    tags,
    assurance: ASSURANCE.account,
    before: [requireAuth],
    params: SessionIdParamsSchema,
    response: { status: 204, description: '已退出该设备' },
    errors: [404],
    handler: (ctx, { params }) => sessions.revokeOwn(authOf(ctx).userId, params.id),
  });
}
