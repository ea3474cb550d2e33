import { z } from 'zod';
import { legacyEnvelope, trimmed as text } from '../legacy-envelope';

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
 *   GET  /traffic/v1/vio/detail?sfzmhm=&wfbh=          -> {vio, zpsl}  | 4003 not the person's record
 *   GET  /traffic/v1/vio/zp?sfzmhm=&wfbh=&xh=          -> {xh, zplx, zp (base64)} | 4003/4004
 *   POST /traffic/v1/vio/clcheck {sfzmhm, wfbh}        -> {wfbh, ljjf, wfjf, cljf, fkje, zt} | 4001/4003/6001-6005
 *   POST /traffic/v1/vio/cl {sfzmhm, wfbh, lsh}        -> {jdsbh, wfbh, fkje, wfjf, jdsj, ljjf} (same lsh: same answer)
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
  NO_VIOLATION: '4003',
  NO_PHOTO: '4004',
  VIOLATION_HANDLED: '6001',
  HANDLING_STATUS: '6002',
  HANDLING_POINTS: '6003',
  HANDLING_AT_POLICE: '6004',
  HANDLING_AT_OFFICE: '6005',
} as const;

const compactDate = text.pipe(z.string().regex(/^(\d{8})?$/));
const count = text.pipe(z.string().regex(/^\d+$/)).transform(Number);
const amount = text.pipe(z.string().regex(/^\d+(\.\d+)?$/)).transform(Number);
const flag = text.pipe(z.enum(['0', '1']));

export const DriverRowSchema = z.object({
  dabh: text, // 档案编号
  sfzmhm: text, // 身份证明号码
  xm: text, // 姓名
  xb: text, // 性别 (1 男, 2 女)
  gj: text, // 国籍
  csrq: compactDate, // 出生日期
  zjcx: text, // 准驾车型
  ljjf: count, // 累积记分
  qfrq: compactDate, // 清分日期
  yxqs: compactDate, // 有效期始
  yxqz: compactDate, // 有效期止
  cclzrq: compactDate, // 初次领证日期
  syrq: compactDate, // 审验日期
  tjrq: compactDate, // 体检日期
  fzjg: text, // 发证机关
  zt: text, // 状态 (letters, one per status)
});
export type DriverRow = z.infer<typeof DriverRowSchema>;

export const VehicleRowSchema = z.object({
  xh: text.pipe(z.string().min(1)), // 机动车序号
  hphm: text, // 号牌号码
  hpzl: text, // 号牌种类
  cllx: text, // 车辆类型
  clpp: text, // 车辆品牌
  clxh: text, // 车辆型号
  csys: text, // 车身颜色
  syxz: text, // 使用性质
  ccdjrq: compactDate, // 初次登记日期
  yxqz: compactDate, // 检验有效期止
  qzbfqz: compactDate, // 强制报废期止
  bxzzrq: compactDate, // 保险终止日期
  dybj: flag, // 抵押标记
  clsbdh: text, // 车辆识别代号
  syr: text, // 所有人
  zt: text, // 状态 (letters, one per status)
});
export type VehicleRow = z.infer<typeof VehicleRowSchema>;

export const ViolationRowSchema = z.object({
  wfbh: text.pipe(z.string().min(1)), // 违法编号
  hphm: text, // 号牌号码
  hpzl: text, // 号牌种类
  wfsj: text.pipe(z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)), // 违法时间
  wfdz: text, // 违法地点
  wfxw: text, // 违法行为代码
  wfms: text, // 违法行为描述
  fkje: amount, // 罚款金额
  wfjf: count, // 违法记分
  clbj: flag, // 处理标记
  jkbj: flag, // 缴款标记
  cjjg: text, // 采集机关
  cjjgmc: text.optional(), // 采集机关名称
  jdsbh: text.optional(), // 决定书编号 ("" or absent before handling)
  jdsj: text.optional(), // 决定时间 yyyyMMddHHmmss
});
export type ViolationRow = z.infer<typeof ViolationRowSchema>;

export const DriverResponseSchema = legacyEnvelope(z.object({ drv: DriverRowSchema }));
export const VehicleListResponseSchema = legacyEnvelope(z.object({ list: z.array(VehicleRowSchema) }));
export const ViolationPageResponseSchema = legacyEnvelope(
  z.object({ total: count.or(z.number().int()), list: z.array(ViolationRowSchema) }),
);
export const ViolationDetailResponseSchema = legacyEnvelope(z.object({ vio: ViolationRowSchema, zpsl: count }));
export const PhotoResponseSchema = legacyEnvelope(
  z.object({ xh: text, zplx: text.pipe(z.string().regex(/^image\/[a-z+.-]+$/)), zp: z.string().min(1) }),
);
export const HandlingCheckResponseSchema = legacyEnvelope(
  z.object({ wfbh: text, ljjf: count, wfjf: count, cljf: count, fkje: amount, zt: text }),
);
export const HandlingResponseSchema = legacyEnvelope(
  z.object({
    jdsbh: text.pipe(z.string().regex(/^\d{16,24}$/)), // 决定书编号
    wfbh: text,
    fkje: amount,
    wfjf: count,
    jdsj: text.pipe(z.string().regex(/^\d{14}$/)),
    ljjf: count, // 累积记分 after handling
  }),
);
export type HandlingRow = NonNullable<z.infer<typeof HandlingResponseSchema>['data']>;
export const DowngradeCheckResponseSchema = legacyEnvelope(z.object({ dabh: text, yzjcx: text, xzjcx: text }));
export const ReleaseCheckResponseSchema = legacyEnvelope(
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
export type ReleaseRow = NonNullable<z.infer<typeof ReleaseCheckResponseSchema>['data']>;
