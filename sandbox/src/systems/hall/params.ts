import { isValidCompactDate, isValidIdNumber, isValidPhone } from '@suijing/shared';
import { isRecord, nonEmptyString, type JsonRecord } from '../../core/input';
import type { BookingRequest } from './booking-book';
import type { Applicant, BookingAgent, Flag } from './records';
import type { TicketRequest } from './ticket-desk';

/** The input, or what is wrong with it (the detail of a 4000). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/** The green channel (老年人绿色通道) is for applicants aged 60 or more. */
export const GREEN_CHANNEL_AGE = 60;
const WBBH = /^[A-Za-z0-9_-]{1,64}$/;
const SDBH = /^\d{2}$/;
const YWDM = /^[A-Z0-9]{2,12}$/;

const bad = <T>(detail: string): Parsed<T> => ({ ok: false, detail });

/** A trimmed non-blank string parameter, or undefined. */
export function text(value: unknown): string | undefined {
  const trimmed = nonEmptyString(value)?.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A valid 18-character ID number, upper-case X, or undefined. */
export function idNumber(value: unknown): string | undefined {
  const number = text(value)?.toUpperCase();
  return number !== undefined && isValidIdNumber(number) ? number : undefined;
}

export function compactDate(value: unknown): string | undefined {
  const date = text(value);
  return date !== undefined && /^\d{8}$/.test(date) && isValidCompactDate(date) ? date : undefined;
}

/** Whole years of age on a yyyyMMdd day, from the birth date inside the ID number. */
export function ageOn(sfzmhm: string, date: string): number {
  const birth = sfzmhm.slice(6, 14);
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(4) >= birth.slice(4) ? years : years - 1;
}

export function parseBooking(body: JsonRecord): Parsed<BookingRequest> {
  const wbbh = text(body.wbbh);
  if (!wbbh || !WBBH.test(wbbh)) return bad('wbbh 须为 1-64 位字母、数字、- 或 _');
  const dtbh = text(body.dtbh);
  if (!dtbh) return bad('dtbh 不能为空');
  const ywdm = text(body.ywdm);
  if (!ywdm || !YWDM.test(ywdm)) return bad('ywdm 不正确');
  const rq = compactDate(body.rq);
  if (!rq) return bad('rq 须为 yyyyMMdd');
  const sdbh = text(body.sdbh);
  if (!sdbh || !SDBH.test(sdbh)) return bad('sdbh 须为两位时段编号');
  const lstd = flag(body.lstd);
  if (!lstd) return bad('lstd 须为 0 或 1');
  const sqr = applicant(body.sqr);
  if (!sqr.ok) return sqr;
  let dlr: BookingAgent | undefined;
  if (body.dlr !== undefined && body.dlr !== null) {
    const parsed = agent(body.dlr);
    if (!parsed.ok) return parsed;
    if (parsed.value.sfzmhm === sqr.value.sfzmhm) return bad('dlr 不能是申请人本人');
    dlr = parsed.value;
  }
  if (lstd === '1' && ageOn(sqr.value.sfzmhm, rq) < GREEN_CHANNEL_AGE) {
    return bad(`绿色通道仅限${GREEN_CHANNEL_AGE}周岁以上申请人`);
  }
  return { ok: true, value: { wbbh, dtbh, ywdm, rq, sdbh, lstd, sqr: sqr.value, ...(dlr ? { dlr } : {}) } };
}

export function parseTicket(dtbh: string, body: JsonRecord, today: string): Parsed<TicketRequest> {
  const wbbh = text(body.wbbh);
  if (!wbbh || !WBBH.test(wbbh)) return bad('wbbh 须为 1-64 位字母、数字、- 或 _');
  const ywdm = text(body.ywdm);
  if (!ywdm || !YWDM.test(ywdm)) return bad('ywdm 不正确');
  const sfzmhm = idNumber(body.sfzmhm);
  if (!sfzmhm) return bad('sfzmhm 不是有效的公民身份号码');
  const sjhm = text(body.sjhm);
  if (!sjhm || !isValidPhone(sjhm)) return bad('sjhm 须为 11 位手机号码');
  const lstd = flag(body.lstd);
  if (!lstd) return bad('lstd 须为 0 或 1');
  if (lstd === '1' && ageOn(sfzmhm, today) < GREEN_CHANNEL_AGE) {
    return bad(`绿色通道仅限${GREEN_CHANNEL_AGE}周岁以上申请人`);
  }
  return { ok: true, value: { wbbh, dtbh, ywdm, sfzmhm, sjhm, lstd } };
}

/** "0" or "1"; absent means "0". */
function flag(value: unknown): Flag | undefined {
  if (value === undefined) return '0';
  return value === '0' || value === '1' ? value : undefined;
}

function applicant(value: unknown): Parsed<Applicant> {
  if (!isRecord(value)) return bad('sqr 不能为空');
  const xm = text(value.xm);
  if (!xm || xm.length > 30) return bad('sqr.xm 不能为空');
  const sfzmhm = idNumber(value.sfzmhm);
  if (!sfzmhm) return bad('sqr.sfzmhm 不是有效的公民身份号码');
  const sjhm = text(value.sjhm);
  if (!sjhm || !isValidPhone(sjhm)) return bad('sqr.sjhm 须为 11 位手机号码');
  return { ok: true, value: { xm, sfzmhm, sjhm } };
}

function agent(value: unknown): Parsed<BookingAgent> {
  if (!isRecord(value)) return bad('dlr 须为对象');
  const xm = text(value.xm);
  if (!xm || xm.length > 30) return bad('dlr.xm 不能为空');
  const sfzmhm = idNumber(value.sfzmhm);
  if (!sfzmhm) return bad('dlr.sfzmhm 不是有效的公民身份号码');
  return { ok: true, value: { xm, sfzmhm } };
}
