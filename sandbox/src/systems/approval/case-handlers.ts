import type { Context } from 'koa';
import { isRecord, nonEmptyString } from '../../core/input';
import { type LegacyError, legacyFail, legacyOk, replyLegacy, withDetail } from '../../legacy/envelope';
import type { ApprovalDesk, DeskResult } from './approval-desk';
import type { CaseEntry } from './case-book';
import { APPROVAL_ERRORS } from './errors';
import { yuanToFen } from './fees';
import { fromCompactDateTime } from '../../legacy/dates';
import { parseIdNumber, parseMaterials, parseSubmitRequest } from './request-parsing';

function fail(ctx: Context, error: LegacyError): void {
  replyLegacy(ctx, legacyFail(error));
}

function answer(ctx: Context, result: DeskResult): void {
  if (result.ok) replyLegacy(ctx, legacyOk(result.entry.record));
  else fail(ctx, result.error);
}

/** POST /approval/v1/cases: one case per wbbh; a repeat answers the existing case with 0000. */
export function submitCase(desk: ApprovalDesk) {
  return (ctx: Context): void => {
    const request = parseSubmitRequest(ctx.request.body);
    if (!request.ok) return fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, request.problem));
    answer(ctx, desk.submit(request.value));
  };
}

/** GET /approval/v1/cases/:bjbh?sfzmhm= (the applicant's or the 当事人's): 4004 for unknown and another person's case alike. */
export function readCase(desk: ApprovalDesk) {
  return (ctx: Context): void => {
    const sfzmhm = nonEmptyString(ctx.query.sfzmhm);
    if (sfzmhm === undefined) return fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, 'sfzmhm 必填'));
    const entry = desk.cases.getFor(ctx.params.bjbh ?? '', sfzmhm);
    if (!entry) return fail(ctx, APPROVAL_ERRORS.CASE_NOT_FOUND);
    replyLegacy(ctx, legacyOk(entry.record));
  };
}

/** The body's own case: sfzmhm from the body, the case only if it is theirs. */
function ownCase(
  ctx: Context,
  desk: ApprovalDesk,
  textField: string,
): { entry: CaseEntry; text: string; body: Record<string, unknown> } | undefined {
  const body = isRecord(ctx.request.body) ? ctx.request.body : undefined;
  if (!body) {
    fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, '请求体必须是JSON对象'));
    return undefined;
  }
  const sfzmhm = parseIdNumber(body.sfzmhm);
  if (!sfzmhm.ok) {
    fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, sfzmhm.problem));
    return undefined;
  }
  const text = body[textField];
  if (typeof text !== 'string' || text.trim() === '' || text.length > 500) {
    fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, `${textField} 必填，至多500个字符`));
    return undefined;
  }
  const entry = desk.cases.getForApplicant(ctx.params.bjbh ?? '', sfzmhm.value);
  if (!entry) {
    fail(ctx, APPROVAL_ERRORS.CASE_NOT_FOUND);
    return undefined;
  }
  return { entry, text, body };
}

/** POST /approval/v1/cases/:bjbh/supplements {sfzmhm, bcsm, cl}: 04 -> 03; 4009 when no 补正 is pending. */
export function answerSupplement(desk: ApprovalDesk) {
  return (ctx: Context): void => {
    const own = ownCase(ctx, desk, 'bcsm');
    if (!own) return;
    const materials = parseMaterials(own.body.cl ?? []);
    if (!materials.ok) return fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, materials.problem));
    answer(ctx, desk.answerSupplement(own.entry, own.text, materials.value));
  };
}

/** POST /approval/v1/cases/:bjbh/withdraw {sfzmhm, chyy}: from 01-04 only, else 4010. */
export function withdrawCase(desk: ApprovalDesk) {
  return (ctx: Context): void => {
    const own = ownCase(ctx, desk, 'chyy');
    if (!own) return;
    answer(ctx, desk.withdraw(own.entry, own.text));
  };
}

/** 交易号 (our trade's transaction number), amount in yuan, time yyyyMMddHHmmss; undefined with the problem. */
function feeFields(
  body: unknown,
  names: { amount: string; time: string },
): { ok: true; jyh: string; amount: string; time: string } | { ok: false; problem: string } {
  if (!isRecord(body)) return { ok: false, problem: '请求体必须是JSON对象' };
  const jyh = body.jyh;
  const amount = body[names.amount];
  const time = body[names.time];
  if (typeof jyh !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(jyh))
    return { ok: false, problem: 'jyh 必填，6至64位字母数字' };
  if (typeof amount !== 'string' || yuanToFen(amount) === undefined) {
    return { ok: false, problem: `${names.amount} 必须是以元为单位的金额，如 120.00` };
  }
  if (typeof time !== 'string' || fromCompactDateTime(time) === undefined) {
    return { ok: false, problem: `${names.time} 必须是 yyyyMMddHHmmss` };
  }
  return { ok: true, jyh, amount, time };
}

/** POST /approval/v1/cases/:bjbh/jf {jyh, jfje, jfsj}: the fee paid; idempotent per jyh, the exact amount, before 05. */
export function recordFeePayment(desk: ApprovalDesk) {
  return (ctx: Context): void => {
    const fields = feeFields(ctx.request.body, { amount: 'jfje', time: 'jfsj' });
    if (!fields.ok) return fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, fields.problem));
    const entry = desk.cases.get(ctx.params.bjbh ?? '');
    if (!entry) return fail(ctx, APPROVAL_ERRORS.CASE_NOT_FOUND);
    answer(ctx, desk.recordFeePayment(entry, { jyh: fields.jyh, jfje: fields.amount, jfsj: fields.time }));
  };
}

/** POST /approval/v1/cases/:bjbh/tf {jyh, tkje, tksj}: the paid fee refunded in full; idempotent. */
export function recordFeeRefund(desk: ApprovalDesk) {
  return (ctx: Context): void => {
    const fields = feeFields(ctx.request.body, { amount: 'tkje', time: 'tksj' });
    if (!fields.ok) return fail(ctx, withDetail(APPROVAL_ERRORS.BAD_REQUEST, fields.problem));
    const entry = desk.cases.get(ctx.params.bjbh ?? '');
    if (!entry) return fail(ctx, APPROVAL_ERRORS.CASE_NOT_FOUND);
    answer(ctx, desk.recordFeeRefund(entry, { jyh: fields.jyh, tkje: fields.amount, tksj: fields.time }));
  };
}
