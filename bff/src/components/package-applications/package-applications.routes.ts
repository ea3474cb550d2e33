import {
  ASSURANCE,
  PackageApplicationRequestSchema,
  PackageApplicationSchema,
  PackageCaseNoParamsSchema,
  PackageCodeParamsSchema,
  PackageFormSchema,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, type AppState } from '../../libraries/context';
import { idempotencyKeyOf } from '../../libraries/idempotency';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { PackageApplicationsService } from './package-applications.service';

export function packageApplicationsRoutes(
  routes: ApiRoutes,
  deps: { packages: PackageApplicationsService; requireAuth: Middleware<AppState> },
): void {
  const tags = ['一件事'];

  defineRoute(routes, {
    method: 'get',
    path: '/packages/{code}/form',
    summary: 'The combined form of a package: member items’ fields asked once, their materials',
    tags,
    assurance: ASSURANCE.public,
    params: PackageCodeParamsSchema,
    response: { status: 200, schema: PackageFormSchema, description: '一件事表单' },
    handler: (_ctx, { params }) => deps.packages.form(params.code),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/packages/{code}/applications',
    summary: 'Apply for a package: one case per member item (Idempotency-Key required)',
    tags,
    assurance: ASSURANCE.realName,
    before: [deps.requireAuth],
    params: PackageCodeParamsSchema,
    body: PackageApplicationRequestSchema,
    response: { status: 201, schema: PackageApplicationSchema, description: '已提交，含各部门办件' },
    idempotent: true,
    handler: (ctx, { params, body }) => deps.packages.submit(authOf(ctx), params.code, idempotencyKeyOf(ctx), body),
  });

  defineRoute(routes, {
    method: 'get',
    path: '/package-applications/{packageCaseNo}',
    summary: 'My package application with each member case',
    tags,
    assurance: ASSURANCE.realName,
    before: [deps.requireAuth],
    params: PackageCaseNoParamsSchema,
    response: { status: 200, schema: PackageApplicationSchema, description: '一件事办件' },
    handler: (ctx, { params }) => deps.packages.get(authOf(ctx).userId, params.packageCaseNo),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/package-applications/{packageCaseNo}/retry',
    summary: 'File again only the members that failed (each with its first serial number, never twice)',
    tags,
    assurance: ASSURANCE.realName,
    before: [deps.requireAuth],
    params: PackageCaseNoParamsSchema,
    response: { status: 200, schema: PackageApplicationSchema, description: '重试结果' },
    handler: (ctx, { params }) => deps.packages.retry(authOf(ctx), params.packageCaseNo),
  });
}
