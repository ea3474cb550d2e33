import { isRecord } from '../../core/input';
import { bad, ok, parseIdNumber, parseScore, parseText, parseWbbh, type Parsed, type Score } from './input';
import { ASPECT_KEYS, type RatingAspects } from './records';

export interface RatingRequest {
  wbbh: string;
  bjbh: string;
  sfzmhm: string;
  pjdj: Score;
  fx: RatingAspects;
  pjnr: string;
}

export const MAX_RATING_TEXT = 500;

/** POST /feedback/v1/pj's body; the 差评 text rule is the book's (7002), not a 4000. */
export function parseRatingRequest(body: unknown): Parsed<RatingRequest> {
  if (!isRecord(body)) return bad('请求体必须是JSON对象');
  const wbbh = parseWbbh(body.wbbh);
  if (!wbbh.ok) return wbbh;
  if (typeof body.bjbh !== 'string' || !/^\d{22}$/.test(body.bjbh)) return bad('bjbh 必须为22位办件编号');
  const sfzmhm = parseIdNumber(body.sfzmhm);
  if (!sfzmhm.ok) return sfzmhm;
  const pjdj = parseScore(body.pjdj, 'pjdj');
  if (!pjdj.ok) return pjdj;
  const fx = parseAspects(body.fx);
  if (!fx.ok) return fx;
  const pjnr = parseText(body.pjnr, 'pjnr', 0, MAX_RATING_TEXT);
  if (!pjnr.ok) return pjnr;
  return ok({
    wbbh: wbbh.value,
    bjbh: body.bjbh,
    sfzmhm: sfzmhm.value,
    pjdj: pjdj.value,
    fx: fx.value,
    pjnr: pjnr.value,
  });
}

function parseAspects(value: unknown): Parsed<RatingAspects> {
  if (!isRecord(value)) return bad(`fx 必须是对象：{${ASPECT_KEYS.join(', ')}}`);
  const extra = Object.keys(value).find((key) => !ASPECT_KEYS.some((known) => known === key));
  if (extra !== undefined) return bad(`fx.${extra} 不是评价分项`);
  const scores: Partial<RatingAspects> = {};
  for (const key of ASPECT_KEYS) {
    const score = parseScore(value[key], `fx.${key}`);
    if (!score.ok) return score;
    scores[key] = score.value;
  }
  const { bsxl, znjqd, bjd, ptczx } = scores;
  if (!bsxl || !znjqd || !bjd || !ptczx) return bad('fx 缺少分项');
  return ok({ bsxl, znjqd, bjd, ptczx });
}
