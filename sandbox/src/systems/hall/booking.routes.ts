import Router from '@koa/router';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord } from '../../core/input';
import { legacyOk, replyLegacy } from '../../legacy/envelope';
import { hallTime } from './beijing-time';
import { HALL_ERRORS } from './errors';
import type { Gateway } from './gateway';
import type { HallState } from './hall-state';
import { compactDate, idNumber, parseBooking, parseTicket, text } from './params';
import { bookingOnWire, ticketOnWire } from './wire';

/**
 * Bookings (预约) and remote tickets (远程取号) (legacy envelope, X-App-Key):
 * POST /hall/v1/yy {wbbh, dtbh, ywdm, rq, sdbh, sqr: {xm, sfzmhm, sjhm}, dlr?: {xm, sfzmhm}, lstd}
 *        -> booking; 6001/6002/6003 (+data.jzrq)/6004/6005/6007/6404; the same wbbh -> the same booking
 * GET  /hall/v1/yy?sfzmhm=                 -> {list: [booking], sycs, jzrq?} as applicant or agent, newest first
 * POST /hall/v1/yy/:yybh/qx {sfzmhm}       -> booking (zt 2) or 6006/6008
 * POST /hall/v1/yy/:yybh/gq {sfzmhm, rq, sdbh} -> booking in its new slot or 6001/6004/6005/6006/6008
 * POST /hall/v1/dt/:dtbh/qh {wbbh, ywdm, sfzmhm, sjhm, lstd} -> ticket or 6101/6007/6404
 * GET  /hall/v1/qh/:phbh?dtbh=&sfzmhm=     -> ticket or 6102
 * Bad or missing parameters: 4000 with what is wrong.
 */
export function bookingRoutes(deps: { gateway: Gateway; state: HallState; clock: SandboxClock }): Router {
  const router = new Router();
  const { gateway, state } = deps;
  const { book, desk } = state;

  router.post('/hall/v1/yy', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const request = parseBooking(bodyRecord(ctx.request.body));
    if (!request.ok) return gateway.badParams(ctx, request.detail);
    const booked = book.book(request.value, deps.clock.nowMs());
    if (!booked.ok) return gateway.fail(ctx, booked.error, booked.data);
    replyLegacy(ctx, legacyOk(bookingOnWire(booked.value, state.namesOf(booked.value))));
  });

  router.get('/hall/v1/yy', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const sfzmhm = idNumber(ctx.query.sfzmhm);
    if (!sfzmhm) return gateway.badParams(ctx, 'sfzmhm 不是有效的公民身份号码');
    const { list, sycs, jzrq } = book.bookingsOf(sfzmhm, deps.clock.nowMs());
    replyLegacy(
      ctx,
      legacyOk({
        list: list.map((booking) => bookingOnWire(booking, state.namesOf(booking))),
        sycs: String(sycs),
        ...(jzrq ? { jzrq } : {}),
      }),
    );
  });

  router.post('/hall/v1/yy/:yybh/qx', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const sfzmhm = idNumber(bodyRecord(ctx.request.body).sfzmhm);
    if (!sfzmhm) return gateway.badParams(ctx, 'sfzmhm 不是有效的公民身份号码');
    const cancelled = book.cancel(ctx.params.yybh ?? '', sfzmhm, deps.clock.nowMs());
    if (!cancelled.ok) return gateway.fail(ctx, cancelled.error);
    replyLegacy(ctx, legacyOk(bookingOnWire(cancelled.value, state.namesOf(cancelled.value))));
  });

  router.post('/hall/v1/yy/:yybh/gq', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const body = bodyRecord(ctx.request.body);
    const sfzmhm = idNumber(body.sfzmhm);
    if (!sfzmhm) return gateway.badParams(ctx, 'sfzmhm 不是有效的公民身份号码');
    const rq = compactDate(body.rq);
    if (!rq) return gateway.badParams(ctx, 'rq 须为 yyyyMMdd');
    const sdbh = text(body.sdbh);
    if (!sdbh || !/^\d{2}$/.test(sdbh)) return gateway.badParams(ctx, 'sdbh 须为两位时段编号');
    const moved = book.reschedule(ctx.params.yybh ?? '', sfzmhm, rq, sdbh, deps.clock.nowMs());
    if (!moved.ok) return gateway.fail(ctx, moved.error);
    replyLegacy(ctx, legacyOk(bookingOnWire(moved.value, state.namesOf(moved.value))));
  });

  router.post('/hall/v1/dt/:dtbh/qh', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const nowMs = deps.clock.nowMs();
    const request = parseTicket(ctx.params.dtbh ?? '', bodyRecord(ctx.request.body), hallTime(nowMs).date);
    if (!request.ok) return gateway.badParams(ctx, request.detail);
    const taken = desk.take(request.value, nowMs);
    if (!taken.ok) return gateway.fail(ctx, taken.error);
    replyLegacy(ctx, legacyOk(ticketOnWire(taken.value)));
  });

  router.get('/hall/v1/qh/:phbh', (ctx) => {
    if (!gateway.authorised(ctx)) return;
    const dtbh = text(ctx.query.dtbh);
    const sfzmhm = idNumber(ctx.query.sfzmhm);
    if (!dtbh || !sfzmhm) return gateway.badParams(ctx, 'dtbh 和 sfzmhm 不能为空');
    const ticket = desk.find(ctx.params.phbh ?? '', dtbh, sfzmhm, deps.clock.nowMs());
    if (!ticket) return gateway.fail(ctx, HALL_ERRORS.NO_TICKET);
    replyLegacy(ctx, legacyOk(ticketOnWire(ticket)));
  });

  return router;
}
