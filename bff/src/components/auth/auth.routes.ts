import {
  ASSURANCE,
  RefreshRequestSchema,
  SmsLoginRequestSchema,
  SmsSendRequestSchema,
  SmsSendResponseSchema,
  TokenResponseSchema,
  WechatLoginRequestSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { AuthService } from './auth.service';

export function authRoutes(routes: ApiRoutes, deps: { auth: AuthService; requireAuth: Middleware<AppState> }): void {
  const { auth } = deps;
  const tags = ['登录与会话'];

  defineRoute(routes, {
    method: 'post',
    path: '/auth/wechat',
    summary: 'WeChat one-tap login with a wx.login code',
    tags,
    assurance: ASSURANCE.public,
    body: WechatLoginRequestSchema,
    response: { status: 200, schema: TokenResponseSchema, description: '登录成功' },
    errors: [403, 429],
    handler: (_ctx, { body }) => auth.loginWithWechat(body.code, body.client),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/auth/sms/send',
    summary: 'Send an SMS login code (1 per phone per 60 s, 10 per day, limited per client address)',
    tags,
    assurance: ASSURANCE.public,
    body: SmsSendRequestSchema,
    response: { status: 200, schema: SmsSendResponseSchema, description: '验证码已发送' },
    errors: [429],
    handler: (ctx, { body }) => auth.sendSmsCode(body.phone, ctx.ip),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/auth/sms/login',
    summary: 'Log in with phone and SMS code (valid 5 minutes, dies after 5 wrong tries)',
    tags,
    assurance: ASSURANCE.public,
    body: SmsLoginRequestSchema,
    response: { status: 200, schema: TokenResponseSchema, description: '登录成功' },
    errors: [429],
    handler: (_ctx, { body }) => auth.loginWithSms(body.phone, body.code, body.client),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/auth/refresh',
    summary: 'Rotate the refresh token; reuse of an old one revokes the session family',
    tags,
    assurance: ASSURANCE.public,
    body: RefreshRequestSchema,
    response: { status: 200, schema: TokenResponseSchema, description: '新的令牌' },
    errors: [401],
    handler: (_ctx, { body }) => auth.refresh(body.refreshToken),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/auth/logout',
    summary: 'Log out this device',
    tags,
    assurance: ASSURANCE.account,
    before: [deps.requireAuth],
    response: { status: 204, description: '已退出' },
    handler: (ctx) => auth.logout(authOf(ctx).sessionId),
  });
}
