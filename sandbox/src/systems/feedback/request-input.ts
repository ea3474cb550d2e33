import { isValidPhone } from '@suijing/shared';
import { isRecord } from '../../core/input';
import { bad, ok, parseIdNumber, parseScore, parseText, parseWbbh, type Parsed, type Score } from './input';
import type { RequestKind } from './records';
import type { RequestTables } from './tables';

export interface NewRequest {
  wbbh: string;
  lx: RequestKind;
  lb: string;
  bt: string;
  nr: string;
  tp: string[];
  sfzmhm: string;
  xm: string;
  sjhm: string;
  bjbh?: string;
}

const MAX_PHOTOS = 6;

/** POST /feedback/v1/sq's body. Photo ids are taken as given: the hotline does not check the uploader's store. */
export function parseNewRequest(body: unknown, tables: RequestTables): Parsed<NewRequest> {
  if (!isRecord(body)) return bad('请求体必须是JSON对象');
  const wbbh = parseWbbh(body.wbbh);
  if (!wbbh.ok) return wbbh;
  const lx = body.lx === 'ts' || body.lx === 'jy' ? body.lx : undefined;
  if (!lx) return bad('lx 必须为 ts（投诉）或 jy（建议）');
  const category = tables.categories.find((candidate) => candidate.lb === body.lb);
  if (!category) return bad(`lb 必须为 ${tables.categories.map((candidate) => candidate.lb).join('、')} 之一`);
  const bt = parseText(body.bt, 'bt', 1, 40);
  if (!bt.ok) return bt;
  const nr = parseText(body.nr, 'nr', 1, 1000);
  if (!nr.ok) return nr;
  const tp = parsePhotos(body.tp);
  if (!tp.ok) return tp;
  const sfzmhm = parseIdNumber(body.sfzmhm);
  if (!sfzmhm.ok) return sfzmhm;
  const xm = parseText(body.xm, 'xm', 1, 50);
  if (!xm.ok) return xm;
  if (typeof body.sjhm !== 'string' || !isValidPhone(body.sjhm)) return bad('sjhm 不是有效的手机号码');
  if (body.bjbh !== undefined && (typeof body.bjbh !== 'string' || !/^\d{22}$/.test(body.bjbh))) {
    return bad('bjbh 必须为22位办件编号');
  }
  return ok({
    wbbh: wbbh.value,
    lx,
    lb: category.lb,
    bt: bt.value,
    nr: nr.value,
    tp: tp.value,
    sfzmhm: sfzmhm.value,
    xm: xm.value,
    sjhm: body.sjhm,
    ...(typeof body.bjbh === 'string' ? { bjbh: body.bjbh } : {}),
  });
}

function parsePhotos(value: unknown): Parsed<string[]> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value) || value.length > MAX_PHOTOS) return bad(`tp 必须是至多${MAX_PHOTOS}个文件标识的数组`);
  const ids: string[] = [];
  for (const [index, id] of value.entries()) {
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return bad(`tp[${index}] 不是有效的文件标识`);
    ids.push(id);
  }
  return ok(ids);
}

export interface RequestRatingInput {
  sfzmhm: string;
  myd: Score;
  pjnr: string;
}

/** POST /feedback/v1/sq/:sqbh/pj's body. */
export function parseRequestRating(body: unknown): Parsed<RequestRatingInput> {
  if (!isRecord(body)) return bad('请求体必须是JSON对象');
  const sfzmhm = parseIdNumber(body.sfzmhm);
  if (!sfzmhm.ok) return sfzmhm;
  const myd = parseScore(body.myd, 'myd');
  if (!myd.ok) return myd;
  const pjnr = parseText(body.pjnr, 'pjnr', 0, 300);
  if (!pjnr.ok) return pjnr;
  return ok({ sfzmhm: sfzmhm.value, myd: myd.value, pjnr: pjnr.value });
}
