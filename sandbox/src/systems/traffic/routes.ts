import Router from '@koa/router';
import type { Context } from 'koa';
import { bodyRecord, nonEmptyString } from '../../core/input';
import { sameSecret } from '../../core/secrets';
import { legacyFail, legacyOk, replyLegacy, withDetail } from '../../legacy/envelope';
import type { SandboxClock } from '../../core/clock';
import type { SandboxEvents } from '../../core/events';
import { checkDowngrade } from './downgrade';
import { violationHandlingRoutes } from './handling.routes';
import { TRAFFIC_ERRORS } from './errors';
import { padColumn } from './fixed-width';
import type { TrafficPace } from './latency';
import { checkRelease } from './mortgage';
import { newestFirst } from './generate-violations';
import { VIOLATION_KINDS, type Violation, type ViolationKind } from './records';
import type { TrafficBook } from './traffic-book';
import { licenceOnWire, vehicleOnWire, violationOnWire } from './wire';

export interface TrafficDeps {
  appKey: string;
  book: TrafficBook;
  pace: TrafficPace;
  clock: SandboxClock;
  events: SandboxEvents;
}

const MAX_PAGE_SIZE = 100;

/**
 * The 车驾管 system behind the data-exchange platform (legacy envelope, X-App-Key, else HTTP 401 with 1001):
 * GET  /traffic/v1/drv?sfzmhm=                                  -> {drv} or 4001
 * GET  /traffic/v1/veh?sfzmhm=                                  -> {list: [veh]}
 * GET  /traffic/v1/vio?sfzmhm=&lx=xc|fxc&clbj=&pageNo=&pageSize= -> {total, list: [vio]} newest first
 * POST /traffic/v1/jj/check {sfzmhm, mbcx}                      -> {dabh, yzjcx, xzjcx} or 4001/5001/5002/5003
 * POST /traffic/v1/jcdy/check {sfzmhm, xh}                      -> {xh, hphm, hpzl, clsbdh, dyqr, dyhtbh, jcdyjl}
 *                                                                  or 4002/5101/5102
 * and the 违法处理 routes of handling.routes.ts.
 * Every answer takes the system's pace (latency.ts). Bad or missing parameters: 4000.
 */
export function trafficRoutes(deps: TrafficDeps): Router {
  const router = new Router();
  const { book } = deps;
  router.use(deps.pace.middleware());
  const authorised = (ctx: Context): boolean => {
    if (sameSecret(ctx.get('X-App-Key') || undefined, deps.appKey)) return true;
    replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.AUTH_FAILED), 401);
    return false;
  };
  const badParams = (ctx: Context, detail: string): void =>
    replyLegacy(ctx, legacyFail(withDetail(TRAFFIC_ERRORS.BAD_PARAMS, detail)));

  router.get('/traffic/v1/drv', (ctx) => {
    if (!authorised(ctx)) return;
    const sfzmhm = text(ctx.query.sfzmhm);
    if (!sfzmhm) return badParams(ctx, 'sfzmhm 不能为空');
    const licence = book.file(sfzmhm)?.licence;
    if (!licence) return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_LICENCE));
    replyLegacy(ctx, legacyOk({ drv: licenceOnWire(licence) }));
  });

  router.get('/traffic/v1/veh', (ctx) => {
    if (!authorised(ctx)) return;
    const sfzmhm = text(ctx.query.sfzmhm);
    if (!sfzmhm) return badParams(ctx, 'sfzmhm 不能为空');
    const vehicles = book.file(sfzmhm)?.vehicles ?? [];
    replyLegacy(ctx, legacyOk({ list: vehicles.map(vehicleOnWire) }));
  });

  router.get('/traffic/v1/vio', (ctx) => {
    if (!authorised(ctx)) return;
    const sfzmhm = text(ctx.query.sfzmhm);
    if (!sfzmhm) return badParams(ctx, 'sfzmhm 不能为空');
    const lx = VIOLATION_KINDS.find((kind) => kind === text(ctx.query.lx));
    if (!lx) return badParams(ctx, 'lx 必须为 xc 或 fxc');
    const clbj = text(ctx.query.clbj);
    if (clbj !== undefined && clbj !== '0' && clbj !== '1') return badParams(ctx, 'clbj 必须为 0 或 1');
    const pageNo = pageParam(ctx.query.pageNo, 1);
    const pageSize = pageParam(ctx.query.pageSize, 20);
    if (pageNo === undefined || pageNo < 1 || pageSize === undefined || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return badParams(ctx, `pageNo 须为正整数，pageSize 须为 1-${MAX_PAGE_SIZE}`);
    }
    const records = recordsOf(book, sfzmhm, lx).filter((record) => clbj === undefined || record.clbj === clbj);
    const page = records.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    replyLegacy(ctx, legacyOk({ total: String(records.length), list: page.map(violationOnWire) }));
  });

  violationHandlingRoutes(router, { book, clock: deps.clock, events: deps.events, authorised, badParams });

  router.post('/traffic/v1/jj/check', (ctx) => {
    if (!authorised(ctx)) return;
    const body = bodyRecord(ctx.request.body);
    const sfzmhm = text(body.sfzmhm);
    const mbcx = text(body.mbcx);
    if (!sfzmhm || !mbcx) return badParams(ctx, 'sfzmhm 和 mbcx 不能为空');
    const pair = book.tables.downgrades.find((candidate) => candidate.mbcx === mbcx);
    if (!pair) return badParams(ctx, `mbcx 不是可申请的降级类型：${mbcx}`);
    const file = book.file(sfzmhm);
    if (!file) return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_LICENCE));
    const check = checkDowngrade(file, pair, book.tables);
    if (!check.ok) return replyLegacy(ctx, legacyFail(check.error));
    replyLegacy(ctx, legacyOk({ dabh: check.dabh, yzjcx: check.yzjcx, xzjcx: check.xzjcx }));
  });

  router.post('/traffic/v1/jcdy/check', (ctx) => {
    if (!authorised(ctx)) return;
    const body = bodyRecord(ctx.request.body);
    const sfzmhm = text(body.sfzmhm);
    const xh = text(body.xh);
    if (!sfzmhm || !xh) return badParams(ctx, 'sfzmhm 和 xh 不能为空');
    const check = checkRelease(book.file(sfzmhm), xh);
    if (!check.ok) return replyLegacy(ctx, legacyFail(check.error));
    replyLegacy(ctx, legacyOk({ ...check.data, dyqr: padColumn(check.data.dyqr, 'dyqr') }));
  });

  return router;
}

/** A trimmed non-blank string parameter, or undefined. */
function text(value: unknown): string | undefined {
  const trimmed = nonEmptyString(value)?.trim();
  return trimmed === '' ? undefined : trimmed;
}

function pageParam(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}

/** 现场: the licence's records; 非现场: those against the person's current plates. */
function recordsOf(book: TrafficBook, sfzmhm: string, lx: ViolationKind): Violation[] {
  const file = book.file(sfzmhm);
  if (!file) return [];
  const plates = new Set(file.vehicles.map((vehicle) => `${vehicle.hpzl}:${vehicle.hphm}`));
  const records =
    lx === 'xc' ? file.onSite : file.camera.filter((record) => plates.has(`${record.hpzl}:${record.hphm}`));
  return [...records].sort(newestFirst);
}
