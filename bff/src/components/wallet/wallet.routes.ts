import {
  ASSURANCE,
  FamilyMemberIdParamsSchema,
  ShareParamsSchema,
  ShareVerifyRequestSchema,
  ShareVerifyResultSchema,
  WalletItemParamsSchema,
  WalletItemSchema,
  WalletSchema,
  WalletShareCreatedSchema,
  WalletShareListSchema,
  WalletShareRequestSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, personOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { WalletSharesService } from './wallet-shares.service';
import type { WalletService } from './wallet.service';

export function walletRoutes(
  routes: ApiRoutes,
  deps: { wallet: WalletService; shares: WalletSharesService; requireAuth: Middleware<AppState> },
): void {
  const { wallet, shares } = deps;
  const mine = { tags: ['证照夹'], assurance: ASSURANCE.inPerson, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...mine,
    method: 'get',
    path: '/wallet',
    dataUse: { feature: 'wallet', what: '查看证照夹' },
    summary: 'Every certificate I hold, each with its status; a system that did not answer is named in `unavailable`',
    response: { status: 200, schema: WalletSchema, description: '证照夹' },
    handler: (ctx) => wallet.own(authOf(ctx)),
  });

  defineRoute(routes, {
    ...mine,
    method: 'get',
    path: '/wallet/items/{itemId}',
    dataUse: { feature: 'wallet', what: '查看证照夹' },
    summary: "One of my certificates (someone else's id is 404)",
    params: WalletItemParamsSchema,
    response: { status: 200, schema: WalletItemSchema, description: '证照' },
    handler: (ctx, { params }) => wallet.ownItem(authOf(ctx), params.itemId),
  });

  defineRoute(routes, {
    ...mine,
    method: 'post',
    path: '/wallet/shares',
    assurance: ASSURANCE.inPersonNow,
    dataUse: { feature: 'wallet-share', what: '出示证照' },
    summary: '出示: a link that shows a verifier only the chosen fields of one valid certificate until it expires',
    body: WalletShareRequestSchema,
    idempotent: true,
    response: { status: 201, schema: WalletShareCreatedSchema, description: '出示链接（令牌只显示这一次）' },
    errors: [404, 429],
    handler: (ctx, { body }) => shares.create(authOf(ctx), personOf(ctx).idHash, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...mine,
    method: 'get',
    path: '/wallet/shares',
    summary: '出示记录: my links, their state, and who checked them when',
    response: { status: 200, schema: WalletShareListSchema, description: '出示记录' },
    handler: (ctx) => shares.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...mine,
    method: 'delete',
    path: '/wallet/shares/{shareId}',
    summary: "Revokes one of my links at once (someone else's id is 404)",
    params: ShareParamsSchema,
    response: { status: 204, description: '已撤回' },
    handler: (ctx, { params }) => shares.revoke(authOf(ctx).userId, params.shareId),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/verify/shares',
    summary:
      "A verifier's page checks a 出示 link: valid (with exactly the chosen fields), expired, revoked or unknown",
    tags: ['证照夹'],
    assurance: ASSURANCE.public,
    body: ShareVerifyRequestSchema,
    response: { status: 200, schema: ShareVerifyResultSchema, description: '核验结果' },
    errors: [429],
    handler: (ctx, { body }) => shares.verify(body, ctx.ip),
  });

  defineRoute(routes, {
    ...mine,
    tags: ['证照夹', '家人'],
    method: 'get',
    path: '/family/members/{memberId}/wallet',
    summary: "A family member's certificates, as my authority allows (not the member's own identity credential)",
    params: FamilyMemberIdParamsSchema,
    response: { status: 200, schema: WalletSchema, description: '家人的证照' },
    handler: (ctx, { params }) => wallet.member(authOf(ctx), params.memberId),
  });
}
