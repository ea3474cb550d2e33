import {
  ASSURANCE,
  BindingHistorySchema,
  IdentityCheckOutcomeSchema,
  IdentityCheckParamsSchema,
  IdentityCheckStartRequestSchema,
  IdentityCheckStartSchema,
  IdentityRevealSchema,
  IdentityStatusSchema,
  IdentityVerifyRequestSchema,
  WechatLinkRequestSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { IdentityService } from './identity.service';
import type { InPersonService } from './in-person.service';

export function identityRoutes(
  routes: ApiRoutes,
  deps: { identity: IdentityService; inPerson: InPersonService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['实名与实人认证'], before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.account,
    method: 'get',
    path: '/identity',
    summary: "My identity: real-name status (masked) and this session's in-person check",
    response: { status: 200, schema: IdentityStatusSchema, description: '实名状态' },
    handler: (ctx) => deps.identity.status(authOf(ctx)),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.account,
    method: 'post',
    path: '/identity/verify',
    summary: '实名 (L2): my name and ID number against the population register (5 tries a day); binds me to them',
    body: IdentityVerifyRequestSchema,
    response: { status: 200, schema: IdentityStatusSchema, description: '已实名' },
    errors: [409, 429],
    handler: (ctx, { body }) => deps.identity.verify(authOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.account,
    method: 'post',
    path: '/identity/checks',
    summary:
      '实人 (L3): start a face check (WeChat) or a 网证 authorisation for me, or to take my identity over (刷脸换绑)',
    body: IdentityCheckStartRequestSchema,
    response: { status: 200, schema: IdentityCheckStartSchema, description: '已发起本人认证' },
    errors: [409, 429],
    handler: (ctx, { body }) => deps.inPerson.start(authOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.account,
    method: 'post',
    path: '/identity/checks/{checkId}/complete',
    summary: 'The outcome of my check, on the session that started it; a pass makes this session L3',
    params: IdentityCheckParamsSchema,
    response: { status: 200, schema: IdentityCheckOutcomeSchema, description: '本人认证通过' },
    errors: [409],
    handler: (ctx, { params }) => deps.inPerson.complete(authOf(ctx), params.checkId),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.account,
    method: 'post',
    path: '/identity/wechat-link',
    summary: "关联微信: link this WeChat (a wx.login code) to my SMS account, as WeChat's face check needs",
    body: WechatLinkRequestSchema,
    response: { status: 204, description: '已关联' },
    errors: [409, 429],
    handler: (ctx, { body }) => deps.identity.linkWechat(authOf(ctx).userId, body.code),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.realName,
    method: 'get',
    path: '/identity/binding/history',
    summary: 'Every account my identity was bound to, moved from or unbound, newest first',
    response: { status: 200, schema: BindingHistorySchema, description: '绑定记录' },
    handler: (ctx) => deps.identity.history(authOf(ctx)),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.inPersonNow,
    method: 'delete',
    path: '/identity/binding',
    summary: 'Unbind my identity from this account; every session of the account ends',
    response: { status: 204, description: '已解除绑定' },
    errors: [409],
    handler: (ctx) => deps.identity.unbind(authOf(ctx)),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.inPersonNow,
    method: 'get',
    path: '/identity/full',
    summary: 'My name and ID number in full, for one screen',
    response: { status: 200, schema: IdentityRevealSchema, description: '完整身份信息' },
    dataUse: { feature: 'identity-reveal', what: '查看完整身份证号码' },
    handler: (ctx) => deps.identity.reveal(authOf(ctx).userId),
  });
}
