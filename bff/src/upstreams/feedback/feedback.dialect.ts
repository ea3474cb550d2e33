import { z } from 'zod';
import { legacyEnvelope, numeric, trimmed } from '../legacy-envelope';

/**
 * The feedback platform: 好差评 (ratings of cases), the 12345 request loop
 * (诉求: 接 答 派 办 评) and the 民声热点榜. Legacy envelope, `X-App-Key`,
 * yyyyMMddHHmmss times, every value a string.
 *
 *   POST /feedback/v1/pj {wbbh, bjbh, sfzmhm, pjdj, fx, pjnr} -> rating   | 7001 7002 7003 7004
 *   GET  /feedback/v1/pj/:bjbh?sfzmhm=                         -> rating   | 7005
 *   POST /feedback/v1/sq {wbbh, lx, lb, bt, nr, tp, sfzmhm, xm, sjhm, bjbh?} -> request
 *   GET  /feedback/v1/sq?sfzmhm=                               -> {list}
 *   GET  /feedback/v1/sq/:sqbh?sfzmhm=                         -> request  | 7101
 *   POST /feedback/v1/sq/:sqbh/pj {sfzmhm, myd, pjnr}          -> request  | 7101 7102
 *   GET  /feedback/v1/rdb[?zt=]                                -> {gxsj, list}
 */

export const FEEDBACK_CODES = {
  OK: '0000',
  BAD_PARAMS: '4000',
  ALREADY_RATED: '7001',
  COMMENT_REQUIRED: '7002',
  NOT_FINISHED: '7003',
  NOT_APPLICANT: '7004',
  NO_RATING: '7005',
  NO_REQUEST: '7101',
  CANNOT_RATE_REQUEST: '7102',
} as const;

export const FollowUpRecordSchema = z.object({
  zt: trimmed,
  qx: trimmed,
  lc: z.array(z.object({ hj: trimmed, sj: trimmed, nr: trimmed, bm: trimmed.optional() })),
});

export const RatingRecordSchema = z.object({
  pjbh: trimmed,
  bjbh: trimmed,
  pjdj: numeric,
  fx: z.object({ bsxl: numeric, znjqd: numeric, bjd: numeric, ptczx: numeric }),
  pjnr: trimmed,
  pjsj: trimmed,
  cpbj: trimmed,
  zgzt: FollowUpRecordSchema.nullish(),
});
export type RatingRecord = z.infer<typeof RatingRecordSchema>;

export const RequestStepRecordSchema = z.object({
  hj: trimmed,
  sj: trimmed,
  bm: trimmed.optional(),
  nr: trimmed.optional(),
});

export const RequestRecordSchema = z.object({
  sqbh: trimmed,
  lx: trimmed,
  lb: trimmed,
  bt: trimmed,
  nr: trimmed.optional(),
  tp: z.array(trimmed).optional(),
  zt: trimmed,
  cjsj: trimmed.optional(),
  gxsj: trimmed.optional(),
  lc: z.array(RequestStepRecordSchema).optional(),
  pj: z.object({ myd: numeric, pjnr: trimmed, pjsj: trimmed }).nullish(),
});
export type RequestRecord = z.infer<typeof RequestRecordSchema>;

export const HotTopicRecordSchema = z.object({
  rdbh: trimmed,
  bt: trimmed,
  zy: trimmed,
  zt: trimmed,
  rd: numeric,
  bm: trimmed,
  sbsj: trimmed,
  cljg: trimmed.nullish(),
});
export type HotTopicRecord = z.infer<typeof HotTopicRecordSchema>;

export const RatingResponseSchema = legacyEnvelope(RatingRecordSchema);
export const RequestResponseSchema = legacyEnvelope(RequestRecordSchema);
export const RequestListResponseSchema = legacyEnvelope(z.object({ list: z.array(RequestRecordSchema) }));
export const HotTopicListResponseSchema = legacyEnvelope(
  z.object({ gxsj: trimmed, list: z.array(HotTopicRecordSchema) }),
);
