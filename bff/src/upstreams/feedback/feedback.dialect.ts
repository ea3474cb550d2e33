import { z } from 'zod';

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

const text = z.string().transform((value) => value.trim());
const count = z
  .union([z.string(), z.number()])
  .transform((value) => Number(value))
  .pipe(z.number().finite());

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.string(), msg: z.string().optional(), data: data.nullish() });

export const FollowUpRecordSchema = z.object({
  zt: text,
  qx: text,
  lc: z.array(z.object({ hj: text, sj: text, nr: text, bm: text.optional() })),
});

export const RatingRecordSchema = z.object({
  pjbh: text,
  bjbh: text,
  pjdj: count,
  fx: z.object({ bsxl: count, znjqd: count, bjd: count, ptczx: count }),
  pjnr: text,
  pjsj: text,
  cpbj: text,
  zgzt: FollowUpRecordSchema.nullish(),
});
export type RatingRecord = z.infer<typeof RatingRecordSchema>;

export const RequestStepRecordSchema = z.object({ hj: text, sj: text, bm: text.optional(), nr: text.optional() });

export const RequestRecordSchema = z.object({
  sqbh: text,
  lx: text,
  lb: text,
  bt: text,
  nr: text.optional(),
  tp: z.array(text).optional(),
  zt: text,
  cjsj: text.optional(),
  gxsj: text.optional(),
  lc: z.array(RequestStepRecordSchema).optional(),
  pj: z.object({ myd: count, pjnr: text, pjsj: text }).nullish(),
});
export type RequestRecord = z.infer<typeof RequestRecordSchema>;

export const HotTopicRecordSchema = z.object({
  rdbh: text,
  bt: text,
  zy: text,
  zt: text,
  rd: count,
  bm: text,
  sbsj: text,
  cljg: text.nullish(),
});
export type HotTopicRecord = z.infer<typeof HotTopicRecordSchema>;

export const RatingResponseSchema = envelope(RatingRecordSchema);
export const RequestResponseSchema = envelope(RequestRecordSchema);
export const RequestListResponseSchema = envelope(z.object({ list: z.array(RequestRecordSchema) }));
export const HotTopicListResponseSchema = envelope(z.object({ gxsj: text, list: z.array(HotTopicRecordSchema) }));
