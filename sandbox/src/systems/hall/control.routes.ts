import Router from '@koa/router';
import type { Context } from 'koa';
import { controlError } from '../../control/reply';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, type JsonRecord } from '../../core/input';
import { windowsOf } from './booking-book';
import type { HallState } from './hall-state';
import { compactDate, idNumber, text } from './params';
import { ticketOnWire } from './wire';

const MAX_COUNT = 999;

/**
 * Sandbox-only, mounted under /sandbox/hall (plain JSON, numbers as numbers):
 * GET  /bookings?sfzmhm=                          -> {bookings: [raw record]} (everyone's without sfzmhm)
 * PUT  /halls/:dtbh/queue/:ywdm {ddrs, kfck?, pjblsj?} -> {queue: {ywdm, ddrs, kfck, pjblsj}}: replaces the
 *      walk-in queue until reset (waiting remote tickets still come on top)
 * POST /bookings/:yybh/check-in                   -> {booking}: 签到 (zt 3), only an active booking
 * POST /tickets/:phbh/call {ck, dtbh?}            -> {ticket}: calls a waiting ticket to window ck
 * PUT  /slots {dtbh, ywdm, rq, sdbh, zrs?, yyrs?, lszrs?, lsyyrs?} -> {slot}: capacity and booked totals
 */
export function hallControlRoutes(deps: { state: HallState; clock: SandboxClock }): Router {
  const router = new Router();
  const { state } = deps;
  const bad = (ctx: Context, message: string): void => controlError(ctx, 400, 'BAD_REQUEST', message);

  router.get('/bookings', (ctx) => {
    const raw = ctx.query.sfzmhm;
    const sfzmhm = raw === undefined ? undefined : idNumber(raw);
    if (raw !== undefined && !sfzmhm) return bad(ctx, 'sfzmhm must be a valid 18-character ID number');
    ctx.body = { bookings: state.book.all(deps.clock.nowMs(), sfzmhm) };
  });

  router.put('/halls/:dtbh/queue/:ywdm', (ctx) => {
    const hall = state.halls.get(ctx.params.dtbh ?? '');
    if (!hall) return controlError(ctx, 404, 'NOT_FOUND', `no hall ${String(ctx.params.dtbh)}`);
    const ywdm = ctx.params.ywdm ?? '';
    if (windowsOf(hall, ywdm) === undefined) {
      return controlError(ctx, 404, 'NOT_FOUND', `${hall.dtbh} does not handle ${ywdm}`);
    }
    const body = bodyRecord(ctx.request.body);
    const problem =
      onlyKeys(body, ['ddrs', 'kfck', 'pjblsj']) ??
      count(body.ddrs, 'ddrs', 0, true) ??
      count(body.kfck, 'kfck', 1, false) ??
      count(body.pjblsj, 'pjblsj', 1, false);
    if (problem) return bad(ctx, problem);
    const nowMs = deps.clock.nowMs();
    const queue = state.desk.override(
      hall,
      ywdm,
      { ddrs: Number(body.ddrs), ...optional('kfck', body.kfck), ...optional('pjblsj', body.pjblsj) },
      nowMs,
    );
    ctx.body = { queue: { ywdm, ...queue } };
  });

  router.post('/bookings/:yybh/check-in', (ctx) => {
    const result = state.book.checkIn(ctx.params.yybh ?? '', deps.clock.nowMs());
    if (result === 'unknown') return controlError(ctx, 404, 'NOT_FOUND', `no booking ${String(ctx.params.yybh)}`);
    if (result === 'not-active')
      return controlError(ctx, 409, 'CONFLICT', 'only an active booking (zt "1") can check in');
    ctx.body = { booking: result };
  });

  router.post('/tickets/:phbh/call', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const ck = text(body.ck);
    if (!ck || ck.length > 10) return bad(ctx, 'ck (the window) must be a non-blank string of at most 10 characters');
    const dtbh = body.dtbh === undefined ? undefined : text(body.dtbh);
    if (body.dtbh !== undefined && !dtbh) return bad(ctx, 'dtbh must be a hall number');
    const tickets = state.desk.withNumber(ctx.params.phbh ?? '', dtbh);
    const ticket = tickets[0];
    if (!ticket) return controlError(ctx, 404, 'NOT_FOUND', `no ticket ${String(ctx.params.phbh)}`);
    if (dtbh === undefined && new Set(tickets.map((t) => t.dtbh)).size > 1) {
      return bad(ctx, 'several halls issued this number: send dtbh');
    }
    const called = state.desk.call(ticket, ck, deps.clock.nowMs());
    if (!called) return controlError(ctx, 409, 'CONFLICT', 'only a waiting ticket (zt "1") can be called');
    ctx.body = { ticket: ticketOnWire(called) };
  });

  router.put('/slots', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const dtbh = text(body.dtbh);
    const ywdm = text(body.ywdm);
    const rq = compactDate(body.rq);
    const sdbh = text(body.sdbh);
    if (!dtbh || !ywdm || !rq || !sdbh) return bad(ctx, 'dtbh, ywdm, rq (yyyyMMdd) and sdbh are required');
    const problem =
      onlyKeys(body, ['dtbh', 'ywdm', 'rq', 'sdbh', 'zrs', 'yyrs', 'lszrs', 'lsyyrs']) ??
      count(body.zrs, 'zrs', 1, false) ??
      count(body.yyrs, 'yyrs', 0, false) ??
      count(body.lszrs, 'lszrs', 0, false) ??
      count(body.lsyyrs, 'lsyyrs', 0, false);
    if (problem) return bad(ctx, problem);
    const changes = {
      ...optional('zrs', body.zrs),
      ...optional('yyrs', body.yyrs),
      ...optional('lszrs', body.lszrs),
      ...optional('lsyyrs', body.lsyyrs),
    };
    const result = state.book.setSlot({ dtbh, ywdm, rq, sdbh }, changes, deps.clock.nowMs());
    if (!result.ok) return 'problem' in result ? bad(ctx, result.problem) : bad(ctx, result.error.msg);
    ctx.body = { slot: result.value };
  });

  return router;
}

function onlyKeys(body: JsonRecord, allowed: readonly string[]): string | undefined {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  return unknown === undefined ? undefined : `${unknown} cannot be set here (allowed: ${allowed.join(', ')})`;
}

/** An integer from min to MAX_COUNT (required or optional), or what is wrong. */
function count(value: unknown, name: string, min: number, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= MAX_COUNT) return undefined;
  return `${name} must be an integer from ${min} to ${MAX_COUNT}`;
}

function optional<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  return typeof value === 'number' ? ({ [key]: value } as Record<K, number>) : {};
}
