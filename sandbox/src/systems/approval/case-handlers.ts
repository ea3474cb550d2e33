import type { Context } from 'koa';
import { isRecord, nonEmptyString } from '../../core/input';
import { type LegacyError, legacyFail, legacyOk, replyLegacy, withDetail } from '../../legacy/envelope';
import type { ApprovalDesk, DeskResult } from './approval-desk';
import type { CaseEntry } from './case-book';
import { APPROVAL_ERRORS } from './errors';
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

/** GET /approval/v1/cases/:bjbh?sfzmhm=: 4004 for unknown and for another person's case alike. */
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
  const entry = desk.cases.getFor(ctx.params.bjbh ?? '', sfzmhm.value);
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
