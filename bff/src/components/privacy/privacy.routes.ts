import {
  ASSURANCE,
  AccountDeletionSchema,
  DataUseListSchema,
  DataUseQuerySchema,
  PersonalExportSchema,
  PrivacyNoticeSchema,
  type PrivacyNotice,
} from '@suijing/shared';
import type { Middleware } from 'koa';
import { authOf, personOf, type AppState } from '../../libraries/context';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { AccountDeletionService } from './account-deletion.service';
import type { DataUseService } from './data-use.service';
import type { PersonalExportService } from './personal-export.service';
import { exportFileName } from './personal-export.view';

export interface PrivacyRoutesDeps {
  dataUse: DataUseService;
  deletions: AccountDeletionService;
  exporter: PersonalExportService;
  /** 隐私保护指引, built once from the retention the code enforces (privacy-notice.ts). */
  notice: PrivacyNotice;
  requireAuth: Middleware<AppState>;
}

/** The person's own rights over their data: the usage record, 注销账号, a copy of what is held. */
export function privacyRoutes(routes: ApiRoutes, deps: PrivacyRoutesDeps): void {
  const { dataUse, deletions, exporter, notice, requireAuth } = deps;
  const tags = ['个人信息'];
  const signedIn = { tags, before: [requireAuth] };

  defineRoute(routes, {
    method: 'get',
    path: '/privacy-notice',
    summary: '隐私保护指引: what is collected, why, how long it is kept and who receives it; read before consenting',
    tags,
    assurance: ASSURANCE.public,
    response: { status: 200, schema: PrivacyNoticeSchema, description: '隐私保护指引' },
    handler: async () => notice,
  });

  defineRoute(routes, {
    method: 'get',
    path: '/me/data-usage',
    summary: '个人信息使用记录: reads of my records by any account, newest first (kept 180 days)',
    ...signedIn,
    assurance: ASSURANCE.realName,
    query: DataUseQuerySchema,
    response: { status: 200, schema: DataUseListSchema, description: '个人信息使用记录' },
    handler: (ctx, { query }) => dataUse.list(personOf(ctx).idHash, authOf(ctx).sessionId, query),
  });

  defineRoute(routes, {
    method: 'get',
    path: '/me/deletion',
    summary: 'Whether my account is to be closed, and when',
    ...signedIn,
    assurance: ASSURANCE.account,
    response: { status: 200, schema: AccountDeletionSchema, description: '注销状态' },
    handler: (ctx) => deletions.status(authOf(ctx).userId),
  });

  defineRoute(routes, {
    method: 'post',
    path: '/me/deletion',
    summary: '注销账号: close my account in 7 days unless I cancel (asking again keeps the first date)',
    ...signedIn,
    assurance: ASSURANCE.inPersonNow,
    response: { status: 200, schema: AccountDeletionSchema, description: '已申请注销' },
    handler: (ctx) => deletions.schedule(authOf(ctx).userId),
  });

  defineRoute(routes, {
    method: 'delete',
    path: '/me/deletion',
    summary: 'Cancel closing my account',
    ...signedIn,
    assurance: ASSURANCE.account,
    response: { status: 204, description: '已撤销注销' },
    errors: [404],
    handler: (ctx) => deletions.cancel(authOf(ctx).userId),
  });

  defineRoute(routes, {
    method: 'get',
    path: '/me/export',
    summary: 'A copy of my personal information, as a JSON file to download',
    ...signedIn,
    assurance: ASSURANCE.inPersonNow,
    dataUse: { feature: 'export', what: '导出个人信息副本' },
    response: {
      status: 200,
      schema: PersonalExportSchema,
      description: '个人信息副本, sent as a file to download',
      headers: {
        'Content-Disposition': {
          description: 'attachment, named by the day the copy was made',
          example: 'attachment; filename="suijing-personal-information-20261206.json"',
        },
      },
    },
    handler: async (ctx) => {
      const copy = await exporter.build(authOf(ctx));
      ctx.set('Content-Disposition', `attachment; filename="${exportFileName(new Date(copy.generatedAt))}"`);
      return copy;
    },
  });
}
