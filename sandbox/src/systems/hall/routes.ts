import Router from '@koa/router';
import type { SandboxClock } from '../../core/clock';
import { legacyOk, replyLegacy } from '../../legacy/envelope';
import { hallTime } from './beijing-time';
import { HALL_ERRORS } from './errors';
import type { Gateway } from './gateway';
import type { HallState } from './hall-state';
import { compactDate, text } from './params';
import { STATION_KINDS } from './stations';
import { businessOnWire, hallOnWire, queueOnWire, selfServiceOnWire, slotOnWire } from './wire';

const MAX_PAGE_SIZE = 100;

/**
 * The halls, their live queues, booking slots and the self-service places
 * (legacy envelope, X-App-Key, else HTTP 401 with 1001):
 * GET /hall/v1/yw                         -> {list: [{ywdm, ywmc, jzlb}]}
 * GET /hall/v1/dt                         -> {list: [hall with gzsj and yw]}
 * GET /hall/v1/dt/:dtbh/pd                -> {gxsj, list: [{ywdm, ddrs, pjblsj, kfck}]} or 6404
 * GET /hall/v1/dt/:dtbh/hy?ywdm=&rq=      -> {list: [{sdbh, kssj, jssj, zrs, yyrs, lszrs, lsyyrs}]}
 *                                            or 6404/6005/6007 (a closed day in range: empty list)
 * GET /hall/v1/zzd?lx=zzz|zdj&pageNo=&pageSize= -> {total, list: [station or terminal]}
 * Bookings and tickets: booking.routes.ts.
 */
export function hallRoutes(deps: { gateway: Gateway; state: HallState; clock: SandboxClock }): Router {
  const router = new Router();
  const { gateway, state } = deps;

  router.get('/hall/v1/yw', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    replyLegacy(ctx, legacyOk({ list: state.tables.businesses.map(businessOnWire) }));
  });

  router.get('/hall/v1/dt', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    replyLegacy(ctx, legacyOk({ list: state.tables.halls.map((hall) => hallOnWire(hall, state.districts)) }));
  });

  router.get('/hall/v1/dt/:dtbh/pd', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const hall = state.halls.get(ctx.params.dtbh ?? '');
    if (!hall) return gateway.fail(ctx, HALL_ERRORS.NO_HALL);
    const nowMs = deps.clock.nowMs();
    replyLegacy(ctx, legacyOk({ gxsj: hallTime(nowMs).stamp, list: state.desk.queues(hall, nowMs).map(queueOnWire) }));
  });

  router.get('/hall/v1/dt/:dtbh/hy', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const ywdm = text(ctx.query.ywdm);
    if (!ywdm) return gateway.badParams(ctx, 'ywdm 不能为空');
    const rq = compactDate(ctx.query.rq);
    if (!rq) return gateway.badParams(ctx, 'rq 须为 yyyyMMdd');
    const slots = state.book.slots(ctx.params.dtbh ?? '', ywdm, rq, deps.clock.nowMs());
    if (!slots.ok) return gateway.fail(ctx, slots.error);
    replyLegacy(ctx, legacyOk({ list: slots.value.map(slotOnWire) }));
  });

  router.get('/hall/v1/zzd', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const lx = text(ctx.query.lx);
    const kind = STATION_KINDS.find((candidate) => candidate === lx);
    if (lx !== undefined && !kind) return gateway.badParams(ctx, 'lx 须为 zzz 或 zdj');
    const pageNo = pageParam(ctx.query.pageNo, 1);
    const pageSize = pageParam(ctx.query.pageSize, 20);
    if (pageNo === undefined || pageNo < 1 || pageSize === undefined || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      return gateway.badParams(ctx, `pageNo 须为正整数，pageSize 须为 1-${MAX_PAGE_SIZE}`);
    }
    const places =
      kind === 'zzz' ? state.stations : kind === 'zdj' ? state.terminals : [...state.stations, ...state.terminals];
    const page = places.slice((pageNo - 1) * pageSize, pageNo * pageSize);
    replyLegacy(ctx, legacyOk({ total: String(places.length), list: page.map(selfServiceOnWire) }));
  });

  return router;
}

function pageParam(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}
