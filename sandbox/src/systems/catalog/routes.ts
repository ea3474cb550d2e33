import Router from '@koa/router';
import type { Context } from 'koa';
import {
  legacyFail,
  LEGACY_SUCCESS_CODE,
  LEGACY_SUCCESS_MSG,
  replyLegacy,
  type LegacyError,
} from '../../legacy/envelope';
import type { CatalogState } from './catalog-state';
import { answeredNotModified } from './etag';
import { CATALOG_ERRORS } from './errors';
import { pageSlice, parsePage } from './paging';
import type { RecordShelf } from './record-shelf';

/**
 * The catalog's sync interface (catalog.dialect.ts in the BFF is the contract):
 *   GET /catalog/v2/version
 *   GET /catalog/v2/items?pageNo=&pageSize=      (ETag "<bbh>", 304 on If-None-Match)
 *   GET /catalog/v2/items/:sxbm                  (2001 when unknown)
 *   GET /catalog/v2/packages?pageNo=&pageSize=   (ETag "<bbh>", 304 on If-None-Match)
 *   GET /catalog/v2/packages/:yjsbm              (2002 when unknown)
 * Errors are HTTP 200 with their code, as the legacy system answers.
 */
export function catalogRoutes(state: CatalogState): Router {
  const router = new Router({ prefix: '/catalog/v2' });

  router.get('/version', (ctx) => {
    const { bbh, fbsj } = state.version;
    if (answeredNotModified(ctx, bbh)) return;
    replyJson(
      ctx,
      okJson(JSON.stringify({ bbh, fbsj, sxzs: String(state.items.size), yjszs: String(state.packages.size) })),
    );
  });

  router.get('/items', (ctx) => listPage(ctx, state, state.items));
  router.get('/items/:sxbm', (ctx) => oneRecord(ctx, state.items, ctx.params.sxbm, CATALOG_ERRORS.ITEM_NOT_FOUND));
  router.get('/packages', (ctx) => listPage(ctx, state, state.packages));
  router.get('/packages/:yjsbm', (ctx) =>
    oneRecord(ctx, state.packages, ctx.params.yjsbm, CATALOG_ERRORS.PACKAGE_NOT_FOUND),
  );

  return router;
}

function listPage<T>(ctx: Context, state: CatalogState, shelf: RecordShelf<T>): void {
  const page = parsePage(ctx.query);
  if (!page) return replyLegacy(ctx, legacyFail(CATALOG_ERRORS.BAD_PAGE));
  const { bbh } = state.version;
  if (answeredNotModified(ctx, bbh)) return;
  const rows = shelf.jsonSlice(pageSlice(shelf.allCodes(), page));
  const head = JSON.stringify({ bbh, total: shelf.size, pageNo: page.pageNo, pageSize: page.pageSize });
  // The records are already serialised: splice them into the page object instead of re-stringifying 100 guides.
  replyJson(ctx, okJson(`${head.slice(0, -1)},"list":[${rows.join(',')}]}`));
}

function oneRecord<T>(ctx: Context, shelf: RecordShelf<T>, code: string | undefined, missing: LegacyError): void {
  const json = code === undefined ? undefined : shelf.json(code);
  if (json === undefined) return replyLegacy(ctx, legacyFail(missing));
  replyJson(ctx, okJson(json));
}

/** The success envelope around already-serialised data. */
function okJson(dataJson: string): string {
  return `{"code":${JSON.stringify(LEGACY_SUCCESS_CODE)},"msg":${JSON.stringify(LEGACY_SUCCESS_MSG)},"data":${dataJson}}`;
}

function replyJson(ctx: Context, body: string): void {
  ctx.status = 200;
  ctx.type = 'application/json';
  ctx.body = body;
}
