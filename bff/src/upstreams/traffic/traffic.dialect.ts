import { z } from 'zod';

/**
 * The traffic management system (车驾管, 公安交通管理综合应用平台) behind the
 * data-exchange platform: legacy envelope {code, msg, data}, `X-App-Key`,
 * pinyin field names, yyyyMMdd dates, numbers as strings and fixed-width
 * strings right-padded with spaces (trimmed here, once).
 *
 *   GET  /traffic/v1/drv?sfzmhm=                       -> {drv}        | 4001 no licence
 *   GET  /traffic/v1/veh?sfzmhm=                       -> {list}
 *   GET  /traffic/v1/vio?sfzmhm=&lx=xc|fxc&pageNo&pageSize -> {total, list}
 *   POST /traffic/v1/jj/check   {sfzmhm, mbcx}         -> {dabh, yzjcx, xzjcx} | 5001/5002/5003
 *   POST /traffic/v1/jcdy/check {sfzmhm, xh}           -> {xh, hphm, hpzl, clsbdh, dyqr, dyhtbh, jcdyjl} | 4002/5101/5102
 */

export const TRAFFIC_CODES = {
  OK: '0000',
  AUTH_FAILED: '1001',
  NO_LICENCE: '4001',
  NO_VEHICLE: '4002',
  DOWNGRADE_CLASS: '5001',
  DOWNGRADE_STATUS: '5002',
  DOWNGRADE_VIOLATIONS: '5003',
  NOT_MORTGAGED: '5101',
  NO_RELEASE_RECORD: '5102',
} as const;

const text = z.string().transform((value) => value.trim());
const compactDate = text.pipe(z.string().regex(/^(\d{8})?$/));
const count = text.pipe(z.string().regex(/^\d+$/)).transform(Number);
const amount = text.pipe(z.string().regex(/^\d+(\.\d+)?$/)).transform(Number);
const flag = text.pipe(z.enum(['0', '1']));

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.string(), msg: z.string().optional(), data: data.nullish() });

export const DriverRecordSchema = z.object({
  dabh: text,
  sfzmhm: text,
  xm: text,
  xb: text,
  gj: text,
  csrq: compactDate,
  zjcx: text,
  ljjf: count,
  qfrq: compactDate,
  yxqs: compactDate,
  yxqz: compactDate,
  cclzrq: compactDate,
  syrq: compactDate,
  tjrq: compactDate,
  fzjg: text,
  zt: text,
});
export type DriverRecord = z.infer<typeof DriverRecordSchema>;

export const VehicleRecordSchema = z.object({
  xh: text.pipe(z.string().min(1)),
  hphm: text,
  hpzl: text,
  cllx: text,
  clpp: text,
  clxh: text,
  csys: text,
  syxz: text,
  ccdjrq: compactDate,
  yxqz: compactDate,
  qzbfqz: compactDate,
  bxzzrq: compactDate,
  dybj: flag,
  clsbdh: text,
  syr: text,
  zt: text,
});
export type VehicleRecord = z.infer<typeof VehicleRecordSchema>;

export const ViolationRecordSchema = z.object({
  wfbh: text.pipe(z.string().min(1)),
  hphm: text,
  hpzl: text,
  wfsj: text.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)),
  wfdz: text,
  wfxw: text,
  wfms: text,
  fkje: amount,
  wfjf: count,
  clbj: flag,
  jkbj: flag,
  cjjg: text,
  cjjgmc: text.optional(),
});
export type ViolationRecord = z.infer<typeof ViolationRecordSchema>;

export const DriverResponseSchema = envelope(z.object({ drv: DriverRecordSchema }));
export const VehicleListResponseSchema = envelope(z.object({ list: z.array(VehicleRecordSchema) }));
export const ViolationPageResponseSchema = envelope(
  z.object({ total: count.or(z.number().int()), list: z.array(ViolationRecordSchema) }),
);
export const DowngradeCheckResponseSchema = envelope(z.object({ dabh: text, yzjcx: text, xzjcx: text }));
export const ReleaseCheckResponseSchema = envelope(
  z.object({
    xh: text,
    hphm: text,
    hpzl: text,
    clsbdh: text,
    dyqr: text,
    dyhtbh: text,
    jcdyjl: z.object({ bh: text, rq: text }),
  }),
);
export type ReleaseRecord = NonNullable<z.infer<typeof ReleaseCheckResponseSchema>['data']>;
