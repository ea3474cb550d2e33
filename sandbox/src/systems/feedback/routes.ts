import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { sameSecret } from '../../core/secrets';
import { legacyFail, legacyOk, replyLegacy, type LegacyError } from '../../legacy/envelope';
import { badParams, FEEDBACK_ERRORS } from './errors';
import type { HotBoard } from './hot-board';
import { parseIdNumber, text } from './input';
import type { RatingBook } from './rating-book';
import { parseRatingRequest } from './rating-input';
import type { RequestDesk } from './request-desk';
import { parseNewRequest, parseRequestRating } from './request-input';
import { requestSummary } from './records';
import { isHotTopicStatus, type RequestTables } from './tables';
import { hotTopicOnWire } from './wire';

export interface FeedbackDeps {
  appKey: string;
  ratings: RatingBook;
  requests: RequestDesk;
  board: HotBoard;
  requestTables: RequestTables;
}

/**
 * The 好差评 / 12345 / 民声热点榜 system behind the data-exchange platform
 * (legacy envelope, X-App-Key, else HTTP 401 with 1001; other errors HTTP 200 with their code):
 * POST /feedback/v1/pj {wbbh, bjbh, sfzmhm, pjdj, fx, pjnr}   -> rating; 7001/7002/7003/7004
 * GET  /feedback/v1/pj/:bjbh?sfzmhm=                          -> rating or 7005
 * POST /feedback/v1/sq {wbbh, lx, lb, bt, nr, tp, sfzmhm, xm, sjhm, bjbh?} -> 工单 (same wbbh, same 工单)
 * GET  /feedback/v1/sq?sfzmhm=                                -> {list: [summary]} newest first
 * GET  /feedback/v1/sq/:sqbh?sfzmhm=                          -> 工单 or 7101
 * POST /feedback/v1/sq/:sqbh/pj {sfzmhm, myd, pjnr}           -> 工单 at 5 评, or 7101/7102
 * GET  /feedback/v1/rdb[?zt=1|2|3]                            -> {gxsj, list} hottest first, 撤榜 last
 * Bad or missing parameters: 4000 naming the parameter.
 */
export function feedbackRoutes(deps: FeedbackDeps): Router {
  const router = new Router({ prefix: '/feedback/v1' });
  const { ratings, requests, board } = deps;
  router.use(requireAppKey(deps.appKey));

  router.post('/pj', (ctx) => {
    const request = parseRatingRequest(ctx.request.body);
    if (!request.ok) return fail(ctx, badParams(request.problem));
    const result = ratings.rate(request.value);
    if (!result.ok) return fail(ctx, result.error);
    replyLegacy(ctx, legacyOk(result.rating));
  });

  router.get('/pj/:bjbh', (ctx) => {
    const sfzmhm = parseIdNumber(text(ctx.query.sfzmhm));
    if (!sfzmhm.ok) return fail(ctx, badParams(sfzmhm.problem));
    const rating = ratings.ratingFor(ctx.params.bjbh ?? '', sfzmhm.value);
    if (!rating) return fail(ctx, FEEDBACK_ERRORS.NO_RATING);
    replyLegacy(ctx, legacyOk(rating));
  });

  router.post('/sq', (ctx) => {
    const input = parseNewRequest(ctx.request.body, deps.requestTables);
    if (!input.ok) return fail(ctx, badParams(input.problem));
    const result = requests.submit(input.value);
    if (!result.ok) return fail(ctx, result.error);
    replyLegacy(ctx, legacyOk(result.record));
  });

  router.get('/sq', (ctx) => {
    const sfzmhm = parseIdNumber(text(ctx.query.sfzmhm));
    if (!sfzmhm.ok) return fail(ctx, badParams(sfzmhm.problem));
    replyLegacy(ctx, legacyOk({ list: requests.list(sfzmhm.value).map(requestSummary) }));
  });

  router.get('/sq/:sqbh', (ctx) => {
    const sfzmhm = parseIdNumber(text(ctx.query.sfzmhm));
    if (!sfzmhm.ok) return fail(ctx, badParams(sfzmhm.problem));
    const found = requests.getFor(ctx.params.sqbh ?? '', sfzmhm.value);
    if (!found.ok) return fail(ctx, found.error);
    replyLegacy(ctx, legacyOk(found.record));
  });

  router.post('/sq/:sqbh/pj', (ctx) => {
    const input = parseRequestRating(ctx.request.body);
    if (!input.ok) return fail(ctx, badParams(input.problem));
    const found = requests.getFor(ctx.params.sqbh ?? '', input.value.sfzmhm);
    if (!found.ok) return fail(ctx, found.error);
    const result = requests.rate(found.record, input.value);
    if (!result.ok) return fail(ctx, result.error);
    replyLegacy(ctx, legacyOk(result.record));
  });

  router.get('/rdb', (ctx) => {
    const zt = ctx.query.zt;
    if (zt !== undefined && !isHotTopicStatus(zt))
      return fail(ctx, badParams('zt 必须为 1（上榜）、2（监测）或 3（撤榜）'));
    replyLegacy(ctx, legacyOk({ gxsj: board.gxsj, list: board.list(zt).map(hotTopicOnWire) }));
  });

  return router;
}

function fail(ctx: Context, error: LegacyError): void {
  replyLegacy(ctx, legacyFail(error));
}

/** Every request of the public API must carry the X-App-Key the data-exchange platform issued (else HTTP 401, 1001). */
function requireAppKey(appKey: string): Middleware {
  return async (ctx, next) => {
    if (!sameSecret(ctx.get('X-App-Key') || undefined, appKey)) {
      return replyLegacy(ctx, legacyFail(FEEDBACK_ERRORS.AUTH_FAILED), 401);
    }
    await next();
  };
}
