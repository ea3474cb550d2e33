import type Router from '@koa/router';
import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import type { SandboxEvents } from '../../core/events';
import { bodyRecord, nonEmptyString } from '../../core/input';
import { toCompactDateTime } from '../../legacy/dates';
import { legacyFail, legacyOk, replyLegacy } from '../../legacy/envelope';
import { TRAFFIC_ERRORS } from './errors';
import { evidencePhoto, photoCount } from './evidence-photos';
import { applyHandling, checkHandling, ownViolation } from './handling';
import type { TrafficBook } from './traffic-book';
import { violationOnWire } from './wire';

export interface HandlingRouteDeps {
  book: TrafficBook;
  clock: SandboxClock;
  events: SandboxEvents;
  /** The gateway's X-App-Key check (answers 401 itself when it fails). */
  authorised(ctx: Context): boolean;
  badParams(ctx: Context, detail: string): void;
}

const LSH = /^[A-Za-z0-9-]{8,64}$/;

/**
 * 违法处理 (what 交管12123 calls 处理违法) on the traffic system:
 * GET  /traffic/v1/vio/detail?sfzmhm=&wfbh=    -> {vio (with jdsbh), zpsl} or 4001/4003
 * GET  /traffic/v1/vio/zp?sfzmhm=&wfbh=&xh=1.. -> {xh, zplx, zp (base64)} or 4003/4004
 * POST /traffic/v1/vio/clcheck {sfzmhm, wfbh}  -> {wfbh, ljjf, wfjf, cljf, fkje, zt} or 4001/4003/6001-6005
 * POST /traffic/v1/vio/cl {sfzmhm, wfbh, lsh}  -> {jdsbh, wfbh, fkje, wfjf, jdsj, ljjf}; the same lsh again
 *      answers the same decision (the caller's retry), else the check's refusals.
 * Handling issues the 决定书 and tells the 非税 platform (decisionIssued); its finePaid marks the record paid.
 */
export function violationHandlingRoutes(router: Router, deps: HandlingRouteDeps): void {
  const { book } = deps;

  router.get('/traffic/v1/vio/detail', (ctx) => {
    if (!deps.authorised(ctx)) return;
    const sfzmhm = text(ctx.query.sfzmhm);
    const wfbh = text(ctx.query.wfbh);
    if (!sfzmhm || !wfbh) return deps.badParams(ctx, 'sfzmhm 和 wfbh 不能为空');
    const file = book.file(sfzmhm);
    const own = file ? ownViolation(file, wfbh) : undefined;
    if (!own) return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_VIOLATION));
    const zpsl = String(photoCount(own.violation, own.onSite));
    replyLegacy(ctx, legacyOk({ vio: violationOnWire(own.violation), zpsl }));
  });

  router.get('/traffic/v1/vio/zp', (ctx) => {
    if (!deps.authorised(ctx)) return;
    const sfzmhm = text(ctx.query.sfzmhm);
    const wfbh = text(ctx.query.wfbh);
    const xh = text(ctx.query.xh);
    if (!sfzmhm || !wfbh || !xh || !/^\d{1,2}$/.test(xh)) {
      return deps.badParams(ctx, 'sfzmhm、wfbh 不能为空，xh 为照片序号');
    }
    const file = book.file(sfzmhm);
    const own = file ? ownViolation(file, wfbh) : undefined;
    if (!own) return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_VIOLATION));
    const index = Number(xh) - 1;
    if (index < 0 || index >= photoCount(own.violation, own.onSite)) {
      return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_PHOTO));
    }
    const zp = Buffer.from(evidencePhoto(own.violation, index), 'utf8').toString('base64');
    replyLegacy(ctx, legacyOk({ xh, zplx: 'image/svg+xml', zp }));
  });

  router.post('/traffic/v1/vio/clcheck', (ctx) => {
    if (!deps.authorised(ctx)) return;
    const body = bodyRecord(ctx.request.body);
    const sfzmhm = text(body.sfzmhm);
    const wfbh = text(body.wfbh);
    if (!sfzmhm || !wfbh) return deps.badParams(ctx, 'sfzmhm 和 wfbh 不能为空');
    const file = book.file(sfzmhm);
    if (!file) return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_VIOLATION));
    const check = checkHandling(file, wfbh, book.tables);
    if (!check.ok) return replyLegacy(ctx, legacyFail(check.error));
    const { violation, licence } = check;
    replyLegacy(
      ctx,
      legacyOk({
        wfbh,
        ljjf: String(check.ljjf),
        wfjf: violation.wfjf,
        cljf: String(check.cljf),
        fkje: violation.fkje,
        // Below 12 points the licence stays as it is (status A: the check requires it).
        zt: licence.zt,
      }),
    );
  });

  router.post('/traffic/v1/vio/cl', (ctx) => {
    if (!deps.authorised(ctx)) return;
    const body = bodyRecord(ctx.request.body);
    const sfzmhm = text(body.sfzmhm);
    const wfbh = text(body.wfbh);
    const lsh = text(body.lsh);
    if (!sfzmhm || !wfbh || !lsh || !LSH.test(lsh)) {
      return deps.badParams(ctx, 'sfzmhm、wfbh 不能为空，lsh 为 8-64 位字母数字');
    }
    const previous = book.decisions.ofOperation(lsh);
    if (previous) {
      if (previous.wfbh !== wfbh || previous.sfzmhm !== sfzmhm) return deps.badParams(ctx, 'lsh 已用于其他违法记录');
      const { sfzmhm: _owner, ...decision } = previous;
      return replyLegacy(ctx, legacyOk(decision));
    }
    const file = book.file(sfzmhm);
    if (!file) return replyLegacy(ctx, legacyFail(TRAFFIC_ERRORS.NO_VIOLATION));
    const check = checkHandling(file, wfbh, book.tables);
    if (!check.ok) return replyLegacy(ctx, legacyFail(check.error));
    const jdsbh = book.numbers.jdsbh(wfbh);
    const jdsj = toCompactDateTime(deps.clock.now());
    applyHandling(file, check, jdsbh, jdsj);
    const { violation, licence } = check;
    const decision = { jdsbh, wfbh, sfzmhm, fkje: violation.fkje, wfjf: violation.wfjf, jdsj, ljjf: licence.ljjf };
    book.decisions.record(lsh, decision);
    deps.events.emit('decisionIssued', {
      jdsbh,
      wfbh,
      sfzmhm,
      xm: licence.xm,
      fkje: violation.fkje,
      wfjf: violation.wfjf,
      jdsj,
      cjjgmc: violation.cjjgmc,
    });
    const { sfzmhm: _owner, ...answer } = decision;
    replyLegacy(ctx, legacyOk(answer));
  });
}

/** What the 非税 platform's finePaid does here: the decision's record becomes 已缴款. */
export function markFinesPaid(events: SandboxEvents, book: TrafficBook): () => void {
  return events.on('finePaid', (event) => {
    const decision = book.decisions.find(event.jdsbh);
    const file = decision ? book.file(decision.sfzmhm) : undefined;
    const violation = file && decision ? ownViolation(file, decision.wfbh)?.violation : undefined;
    if (violation) violation.jkbj = '1';
  });
}

function text(value: unknown): string | undefined {
  const trimmed = nonEmptyString(value)?.trim();
  return trimmed === '' ? undefined : trimmed;
}
