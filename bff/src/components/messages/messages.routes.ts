import { ASSURANCE, MessageIdParamsSchema, MessageListSchema, MessageSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { MessagesService } from './messages.service';

export function messagesRoutes(
  routes: ApiRoutes,
  deps: { messages: MessagesService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['消息中心'], assurance: ASSURANCE.account, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/messages',
    summary: 'My messages, newest first, with the unread count',
    response: { status: 200, schema: MessageListSchema, description: '消息' },
    handler: (ctx) => deps.messages.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/messages/{id}/read',
    summary: 'Mark one of my messages read (idempotent)',
    params: MessageIdParamsSchema,
    response: { status: 200, schema: MessageSchema, description: '已读' },
    handler: (ctx, { params }) => deps.messages.markRead(authOf(ctx).userId, params.id),
  });
}
