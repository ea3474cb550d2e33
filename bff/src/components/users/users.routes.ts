import { ASSURANCE, UserSchema } from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { UsersService } from './users.service';

export function usersRoutes(routes: ApiRoutes, deps: { users: UsersService; requireAuth: Middleware<AppState> }): void {
  defineRoute(routes, {
    method: 'get',
    path: '/me',
    summary: 'My account: masked phone, login method, real-name status',
    tags: ['我的'],
    assurance: ASSURANCE.account,
    before: [deps.requireAuth],
    response: { status: 200, schema: UserSchema, description: '当前用户' },
    handler: (ctx) => deps.users.me(authOf(ctx)),
  });
}
