import { isValidIdNumber, isValidPhone } from '@suijing/shared';
import { isRecord } from '../../core/input';
import { parseDelivery } from './delivery';
import {
  AGENCY_RELATIONS,
  type Applicant,
  type CaseSubject,
  type SubmitRequest,
  type SubmittedMaterial,
} from './records';

/** A parsed value, or what was wrong with it (for the 1002 message). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

function text(value: unknown, min: number, max: number): value is string {
  return typeof value === 'string' && value.trim().length >= min && value.length <= max;
}

/** 身份证明号码: an 18-character resident ID with a valid check character. */
export function parseIdNumber(value: unknown, where = 'sfzmhm'): Parsed<string> {
  return typeof value === 'string' && isValidIdNumber(value) ? ok(value) : bad(`${where} 不是有效的公民身份号码`);
}

function parseApplicant(value: unknown): Parsed<Applicant> {
  if (!isRecord(value)) return bad('sqr 必须是对象');
  const { xm, sfzmhm, sjhm } = value;
  if (!text(xm, 1, 50)) return bad('sqr.xm 必填，至多50个字符');
  const id = parseIdNumber(sfzmhm, 'sqr.sfzmhm');
  if (!id.ok) return id;
  if (typeof sjhm !== 'string' || !isValidPhone(sjhm)) return bad('sqr.sjhm 不是有效的手机号码');
  return ok({ xm, sfzmhm: id.value, sjhm });
}

function parseSubject(value: unknown): Parsed<CaseSubject> {
  if (!isRecord(value)) return bad('dsr 必须是对象');
  const { xm, sfzmhm, gx } = value;
  if (!text(xm, 1, 50)) return bad('dsr.xm 必填，至多50个字符');
  const id = parseIdNumber(sfzmhm, 'dsr.sfzmhm');
  if (!id.ok) return id;
  const relation = AGENCY_RELATIONS.find((known) => known === gx);
  if (!relation) return bad('dsr.gx 必须是JHR（监护人代办）或QS（亲属代办）');
  return ok({ xm, sfzmhm: id.value, gx: relation });
}

function parseFormData(value: unknown): Parsed<Record<string, string | string[]>> {
  if (!isRecord(value)) return bad('bdsj 必须是对象');
  const out: Record<string, string | string[]> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string') out[key] = field;
    else if (Array.isArray(field) && field.every((item): item is string => typeof item === 'string')) out[key] = field;
    else return bad(`bdsj.${key} 必须是字符串或字符串数组`);
  }
  return ok(out);
}

/** 材料: SC needs the wjbs of an upload, DZZZ the zzbs of a licence on file, GX the gxbs of a shared record. */
export function parseMaterials(value: unknown, where = 'cl'): Parsed<SubmittedMaterial[]> {
  if (!Array.isArray(value)) return bad(`${where} 必须是数组`);
  if (value.length > 50) return bad(`${where} 至多50项`);
  const out: SubmittedMaterial[] = [];
  for (const [index, item] of value.entries()) {
    const at = `${where}[${index}]`;
    if (!isRecord(item)) return bad(`${at} 必须是对象`);
    const { clmc, ly, wjbs, zzbs, gxbs } = item;
    if (!text(clmc, 1, 100)) return bad(`${at}.clmc 必填`);
    if (ly === 'SC') {
      if (!text(wjbs, 1, 64)) return bad(`${at} 来源为SC时必须提供wjbs`);
      out.push({ clmc, ly, wjbs });
    } else if (ly === 'DZZZ') {
      if (!text(zzbs, 1, 64)) return bad(`${at} 来源为DZZZ时必须提供zzbs`);
      out.push({ clmc, ly, zzbs });
    } else if (ly === 'GX') {
      if (!text(gxbs, 1, 64)) return bad(`${at} 来源为GX时必须提供gxbs`);
      out.push({ clmc, ly, gxbs });
    } else {
      return bad(`${at}.ly 必须是SC、DZZZ或GX`);
    }
  }
  return ok(out);
}

/** The shape of POST /approval/v1/cases (SubmitRequestSchema); the item and the files are checked by the caller. */
export function parseSubmitRequest(body: unknown): Parsed<SubmitRequest> {
  if (!isRecord(body)) return bad('请求体必须是JSON对象');
  const { wbbh, sxbm, sqr, dsr, bdsj, cl, fbjbh, sdxx } = body;
  if (!text(wbbh, 8, 64)) return bad('wbbh 必填，8至64个字符');
  if (!text(sxbm, 1, 64)) return bad('sxbm 必填');
  const applicant = parseApplicant(sqr);
  if (!applicant.ok) return applicant;
  const subject = dsr === undefined ? undefined : parseSubject(dsr);
  if (subject && !subject.ok) return subject;
  if (subject?.value.sfzmhm.toUpperCase() === applicant.value.sfzmhm.toUpperCase()) {
    return bad('dsr 是为他人申请时的当事人，不能是申请人本人');
  }
  const form = parseFormData(bdsj);
  if (!form.ok) return form;
  const materials = parseMaterials(cl);
  if (!materials.ok) return materials;
  if (fbjbh !== undefined && !text(fbjbh, 1, 64)) return bad('fbjbh 必须是非空字符串');
  const delivery = parseDelivery(sdxx);
  if (!delivery.ok) return delivery;
  return ok({
    wbbh,
    sxbm,
    sqr: applicant.value,
    ...(subject === undefined ? {} : { dsr: subject.value }),
    bdsj: form.value,
    cl: materials.value,
    ...(fbjbh === undefined ? {} : { fbjbh }),
    ...(delivery.value === undefined ? {} : { sdxx: delivery.value }),
  });
}
