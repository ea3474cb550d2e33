import {
  AddAdultRequestSchema,
  AddChildRequestSchema,
  ASSURANCE,
  ConfirmMemberRequestSchema,
  FamilyAuthorisationIdParamsSchema,
  FamilyAuthorisationListSchema,
  FamilyInvitationIdParamsSchema,
  FamilyInvitationListSchema,
  FamilyListSchema,
  FamilyMemberIdParamsSchema,
  FamilyMemberSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, personOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { FamilyService } from './family.service';

/**
 * 我的家人: the members I act for (by link id, only ever mine: another's is 404),
 * the invitations sent to me and who may act for me (by my verified identity).
 */
export function familyRoutes(
  routes: ApiRoutes,
  deps: { family: FamilyService; requireAuth: Middleware<AppState> },
): void {
  const { family, requireAuth } = deps;
  const common = { tags: ['家人'], assurance: ASSURANCE.inPerson, before: [requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/family',
    summary: 'The family members I may act for (or am waiting for), masked',
    response: { status: 200, schema: FamilyListSchema, description: '我的家人' },
    handler: (ctx) => family.list(authOf(ctx).userId),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/family/children',
    summary:
      'Add a child under 16: active at once when the 出生医学证明 or 户口簿 e-licence proves I am the guardian ' +
      '(Idempotency-Key header required)',
    body: AddChildRequestSchema,
    response: { status: 201, schema: FamilyMemberSchema, description: '已添加' },
    errors: [429],
    idempotent: true,
    handler: (ctx, { body }) => family.addChild(authOf(ctx).userId, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/family/adults',
    summary:
      'Ask an adult (16 or over) to let me act for them: a code by SMS to the phone the register holds, or ' +
      'an invitation in their own account; pending until they consent (Idempotency-Key header required)',
    body: AddAdultRequestSchema,
    response: { status: 201, schema: FamilyMemberSchema, description: '等待对方确认' },
    errors: [429],
    idempotent: true,
    handler: (ctx, { body }) => family.addAdult(authOf(ctx).userId, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/family/members/{memberId}/confirm',
    summary: 'The SMS code the member told me: their consent, the link becomes active',
    params: FamilyMemberIdParamsSchema,
    body: ConfirmMemberRequestSchema,
    response: { status: 200, schema: FamilyMemberSchema, description: '已生效' },
    errors: [429],
    handler: (ctx, { params, body }) => family.confirm(authOf(ctx).userId, params.memberId, body.code),
  });

  defineRoute(routes, {
    ...common,
    method: 'delete',
    path: '/family/members/{memberId}',
    summary: 'Remove a member: my authority ends at once',
    params: FamilyMemberIdParamsSchema,
    response: { status: 204, description: '已移除' },
    handler: (ctx, { params }) => family.remove(authOf(ctx).userId, params.memberId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/family/invitations',
    summary: 'Invitations from family members asking to act for me, to accept or decline',
    response: { status: 200, schema: FamilyInvitationListSchema, description: '待我确认的授权' },
    handler: (ctx) => family.invitations(personOf(ctx).idHash),
  });

  defineRoute(routes, {
    ...common,
    assurance: ASSURANCE.inPersonNow,
    method: 'post',
    path: '/family/invitations/{invitationId}/accept',
    summary: 'Let the family member act for me (my own fresh in-person check)',
    params: FamilyInvitationIdParamsSchema,
    response: { status: 204, description: '已同意' },
    handler: (ctx, { params }) => family.accept(personOf(ctx).idHash, params.invitationId),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/family/invitations/{invitationId}/decline',
    summary: 'Refuse to let the family member act for me',
    params: FamilyInvitationIdParamsSchema,
    response: { status: 204, description: '已拒绝' },
    handler: (ctx, { params }) => family.decline(personOf(ctx).idHash, params.invitationId),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/family/authorisations',
    summary: 'Who may act for me now',
    response: { status: 200, schema: FamilyAuthorisationListSchema, description: '可以代我办理的家人' },
    handler: (ctx) => family.authorisations(personOf(ctx).idHash),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/family/authorisations/{authorisationId}/withdraw',
    summary: "Withdraw someone's authority to act for me: it ends at once",
    params: FamilyAuthorisationIdParamsSchema,
    response: { status: 204, description: '已撤回' },
    handler: (ctx, { params }) => family.withdraw(personOf(ctx).idHash, params.authorisationId),
  });
}
