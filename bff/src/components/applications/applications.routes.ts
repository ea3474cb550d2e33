import {
  ASSURANCE,
  ApplicationDetailSchema,
  ApplicationListQuerySchema,
  ApplicationListSchema,
  ApplicationSubmitRequestSchema,
  CaseNoParamsSchema,
  FamilyMemberIdParamsSchema,
  MemberCasesQuerySchema,
  ProgressLookupRequestSchema,
  ProgressLookupResponseSchema,
  SupplementRequestSchema,
  WithdrawRequestSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { ApplicationsService } from './applications.service';
import type { ProgressLookupService } from './progress-lookup.service';

export function applicationsRoutes(
  routes: ApiRoutes,
  deps: { applications: ApplicationsService; progress: ProgressLookupService; requireAuth: Middleware<AppState> },
): void {
  const common = { tags: ['在线办理'], assurance: ASSURANCE.realName, before: [deps.requireAuth] };

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/applications',
    summary:
      'Apply for an item (Idempotency-Key header required: repeats with the same key answer the same case, never a second one)',
    body: ApplicationSubmitRequestSchema,
    response: { status: 201, schema: ApplicationDetailSchema, description: '已提交，返回办件编号' },
    idempotent: true,
    errors: [404],
    handler: (ctx, { body }) => deps.applications.submit(authOf(ctx), idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/applications',
    summary: 'My cases, newest first, optionally by status',
    query: ApplicationListQuerySchema,
    response: { status: 200, schema: ApplicationListSchema, description: '我的办件' },
    handler: (ctx, { query }) => deps.applications.list(authOf(ctx).userId, query),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/applications/{caseNo}',
    summary: "One of my cases with its timeline (someone else's case number is 404)",
    params: CaseNoParamsSchema,
    response: { status: 200, schema: ApplicationDetailSchema, description: '办件详情' },
    handler: (ctx, { params }) => deps.applications.detail(authOf(ctx).userId, params.caseNo),
  });

  defineRoute(routes, {
    ...common,
    method: 'get',
    path: '/family/members/{memberId}/cases',
    summary:
      "A family member's cases, newest first, whoever filed them, each naming who acted (another user's member is 404)",
    tags: ['家人'],
    assurance: ASSURANCE.inPerson,
    params: FamilyMemberIdParamsSchema,
    query: MemberCasesQuerySchema,
    response: { status: 200, schema: ApplicationListSchema, description: '家人的办件' },
    handler: (ctx, { params, query }) => deps.applications.memberCases(authOf(ctx), params.memberId, query),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/progress/lookup',
    summary: 'Status of a case by its number and the last six ID digits, without logging in (rate limited)',
    tags: ['在线办理'],
    assurance: ASSURANCE.public,
    body: ProgressLookupRequestSchema,
    response: { status: 200, schema: ProgressLookupResponseSchema, description: '办件状态' },
    errors: [404, 429],
    handler: (ctx, { body }) => deps.progress.lookup(body, ctx.ip),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/applications/{caseNo}/supplements',
    summary: 'Answer a supplement request (补正) of my case',
    params: CaseNoParamsSchema,
    body: SupplementRequestSchema,
    response: { status: 200, schema: ApplicationDetailSchema, description: '已补正' },
    errors: [409],
    handler: (ctx, { params, body }) => deps.applications.supplement(authOf(ctx).userId, params.caseNo, body),
  });

  defineRoute(routes, {
    ...common,
    method: 'post',
    path: '/applications/{caseNo}/withdraw',
    summary: 'Withdraw my case while it is allowed (before a decision)',
    params: CaseNoParamsSchema,
    body: WithdrawRequestSchema,
    response: { status: 200, schema: ApplicationDetailSchema, description: '已撤回' },
    errors: [409],
    handler: (ctx, { params, body }) => deps.applications.withdraw(authOf(ctx).userId, params.caseNo, body),
  });
}
