import { ASSURANCE, SessionIdParamsSchema, SessionListSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { SessionsService } from './sessions.service';

export function sessionsRoutes(
  routes: ApiRoutes,
  deps: { sessions: SessionsService; requireAuth: Middleware<AppState> },
): void {
  const { sessions, requireAuth } = deps;
  const common = { tags: ['登录与会话'], assurance: ASSURANCE.account, before: [requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/sessions',
    summary: 'My logged-in devices',
    response: { status: 200, schema: SessionListSchema, description: '登录设备列表' },
    handler: async (ctx) => {
      const { userId, sessionId } = authOf(ctx);
      return { items: await sessions.list(userId, sessionId) };
    },
  });

  defineRoute(routes, {
    ...common,
    method: 'delete',
    path: '/sessions/{id}',
    summary: "Log out one of my devices (another user's session id is 404)",
    params: SessionIdParamsSchema,
    response: { status: 204, description: '已退出该设备' },
    handler: (ctx, { params }) => sessions.revokeOwn(authOf(ctx).userId, params.id),
  });
}
