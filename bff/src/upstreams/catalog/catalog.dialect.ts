import { z } from 'zod';
import { legacyEnvelope } from '../legacy-envelope';

/**
 * The catalog system's (事项库) dialect, as it answers the data-exchange
 * interface: the legacy envelope {code, msg, data}, pinyin-abbreviation
 * field names, numbers and flags as strings, yyyyMMddHHmmss times, multi-line
 * text blocks. Field meanings follow the provincial item guide (DOMAIN.md).
 *
 *   GET /catalog/v2/version                       -> VersionResponse
 *   GET /catalog/v2/items?pageNo=&pageSize=       -> ItemPageResponse  (pageSize <= 100; ETag "<bbh>", 304 on If-None-Match)
 *   GET /catalog/v2/items/:sxbm                   -> ItemResponse      (code 2001 when unknown)
 *   GET /catalog/v2/packages?pageNo=&pageSize=    -> PackagePageResponse
 *   GET /catalog/v2/packages/:yjsbm               -> PackageResponse   (code 2002 when unknown)
 */

/** "0"/"1" flags. */
const flag = z.enum(['0', '1']);
/** Whole numbers as the system writes them: strings of digits. */
const digits = z.string().regex(/^\d+$/);
/** yyyyMMddHHmmss, Beijing time. */
const compactDateTime = z.string().regex(/^\d{14}$/);

export const CodeNameSchema = z.object({ dm: z.string().min(1), mc: z.string().min(1) });

const dateBound = z.string().regex(/^(\d{8}|T([+-]\d{1,5})?)$/);

/** One field of an application form (表单字段). */
export const FormFieldRecordSchema = z.object({
  /** 字段代码: the key in submitted data. */
  zddm: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  /** 字段名称: the label. */
  zdmc: z.string().min(1),
  /** 字段类型. */
  zdlx: z.enum(['TEXT', 'TEXTAREA', 'NUMBER', 'DATE', 'SELECT', 'RADIO', 'CHECKBOX', 'SFZH', 'SJHM', 'HPHM', 'DZ']),
  /** 必填. */
  bt: flag,
  /** 提示信息 (placeholder). */
  tsxx: z.string().optional(),
  /** 填写说明 (help). */
  txsm: z.string().optional(),
  /** 最小/最大长度. */
  zxcd: digits.optional(),
  zdcd: digits.optional(),
  /** 最小/最大值 (NUMBER). */
  zxz: z.string().optional(),
  zdz: z.string().optional(),
  /** 正则表达式 and its message. */
  zzbds: z.string().optional(),
  zzts: z.string().optional(),
  /** 选项 (SELECT/RADIO/CHECKBOX). */
  xx: z.array(CodeNameSchema).optional(),
  /**
   * 申请人身份要素: the field is the applicant's own XM 姓名, SFZH 公民身份号码, SJHM 手机号码,
   * XB 性别 or CSRQ 出生日期 (not someone the item is done for, who has fields of their own).
   */
  sqrys: z.enum(['XM', 'SFZH', 'SJHM', 'XB', 'CSRQ']).optional(),
  /**
   * 日期下限 / 日期上限 (DATE): a day (yyyyMMdd), or T for the day of filing, T+n / T-n
   * days from it. Exports before them lack them (the field is then unbounded).
   */
  rqxx: dateBound.optional(),
  rqsx: dateBound.optional(),
});

export const FormRecordSchema = z.object({
  /** 表单版本号. */
  bbh: z.string().min(1),
  /** 分组. */
  fz: z.array(z.object({ fzmc: z.string().min(1), zd: z.array(FormFieldRecordSchema).min(1) })).min(1),
});

/** 申请材料. */
export const MaterialRecordSchema = z.object({
  clmc: z.string().min(1),
  /** 材料性质: 1 必要, 2 容缺, 3 情形材料 (only in some situations). */
  clxz: z.enum(['1', '2', '3']),
  /** 来源渠道, e.g. 申请人自备, 政府部门核发. */
  clly: z.string().min(1),
  /** 纸质份数. */
  zzfs: digits,
  /** 材料规格. */
  clgg: z.string(),
  /** 是否电子证照可复用. */
  dzzz: flag,
  /** 电子证照名称, when dzzz is "1". */
  dzzzmc: z.string().optional(),
  /** 信任等级 A/B/C. */
  xrdj: z.enum(['A', 'B', 'C']).optional(),
  /** 有样表 / 有空白表格. */
  ybbz: flag,
  kbbg: flag,
  /** 备注. */
  bz: z.string().optional(),
  /**
   * 网上办理免提交: 1 the online form is this material (在线填写, signed by the filing),
   * 2 the issuer or another department supplies it (数据共享 / 线上推送). Absent: to be provided.
   */
  wsmtj: z.enum(['1', '2']).optional(),
});

/** 办理流程 step. */
export const StepRecordSchema = z.object({
  hjmc: z.string().min(1),
  hjsm: z.string(),
  /** 办理人员/岗位. */
  blry: z.string().optional(),
  /** 环节时限 in working days. */
  hjsx: digits.optional(),
});

/** 设定依据. */
export const BasisRecordSchema = z.object({
  flmc: z.string().min(1),
  tkh: z.string().optional(),
  tknr: z.string().optional(),
});

/** 特别程序 (专家评审, 现场核查, 公示 ...): its time is not counted in cnbjsx. */
export const SpecialProcedureRecordSchema = z.object({
  cxmc: z.string().min(1),
  cxsm: z.string(),
  /** 特别程序时限 in working days. */
  cxsx: digits.optional(),
});

/** 常见问题: wt 问题, jd 解答. */
export const FaqRecordSchema = z.object({ wt: z.string().min(1), jd: z.string().min(1) });

/** 窗口信息. */
export const HallRecordSchema = z.object({ dtmc: z.string().min(1), dz: z.string(), bgsj: z.string() });

/** One item with its whole guide (办事指南) and form, as the sync interface returns it. */
export const ItemRecordSchema = z.object({
  /** 事项编码. */
  sxbm: z.string().regex(/^[0-9A-Z]{12,40}$/),
  /** 事项名称 (full, with the situation), 主项名称, 情形名称. */
  sxmc: z.string().min(1),
  zxmc: z.string().min(1),
  qxmc: z.string().optional(),
  /** 别名, comma-separated (legacy), may be empty. */
  bm: z.string(),
  /** 警种代码/名称. */
  jzdm: z.string().regex(/^[A-Z]{2,6}$/),
  jzmc: z.string().min(1),
  /** 人生事件. */
  shsj: z.array(CodeNameSchema),
  /** 事项类型 in words (行政许可, 行政确认, 公共服务 ...). */
  sxlx: z.string().min(1),
  /** 办件类型: 1 即办件, 2 承诺件. */
  bjlx: z.enum(['1', '2']),
  /** 承诺/法定办结时限 (working days). */
  cnbjsx: digits,
  fdbjsx: digits,
  /** 到现场次数. */
  dxcs: digits,
  /** 办理形式: comma list of 1 网上, 2 窗口, 3 自助. */
  blxs: z.string().regex(/^[123](,[123])*$/),
  /** 是否收费, 收费标准, 收费依据. */
  sfsf: flag,
  sfbz: z.string().optional(),
  sfyj: z.string().optional(),
  /** 是否网办 and 网办深度 (1 信息公开 .. 4 全程网办). */
  sfwb: flag,
  wbsd: z.enum(['1', '2', '3', '4']),
  /** 网上支付, 预约, 物流快递. */
  wszf: flag,
  sfyy: flag,
  wlkd: flag,
  /**
   * 送达方式 chosen when applying online, usual first: 1 窗口领取, 2 邮政寄递, 3 电子证明
   * (comma list; empty or absent: no choice when applying). Exports before it lack it.
   */
  sdfs: z
    .string()
    .regex(/^([123](,[123])*)?$/)
    .optional(),
  /** 行使层级, 权力来源. */
  xscj: z.string(),
  qlly: z.string(),
  /** 跨域通办范围: 0 不支持, 1 省内通办, 2 跨省通办, 3 湾区通办; and its description. */
  kytb: z.enum(['0', '1', '2', '3']),
  kytbsm: z.string().optional(),
  /** 受理条件: one text block, one condition per line, usually numbered "1." "2、". */
  slxz: z.string(),
  sqcl: z.array(MaterialRecordSchema),
  blcx: z.array(StepRecordSchema),
  sdyj: z.array(BasisRecordSchema),
  /** 咨询电话, 监督投诉电话. */
  zxdh: z.string(),
  jddh: z.string(),
  ckxx: z.array(HallRecordSchema),
  /** 审批结果名称 and 类型 (证照, 批文, 其他). */
  jgmc: z.string(),
  jglx: z.string(),
  /** 实施机关, 主管部门. */
  ssjg: z.string().min(1),
  zgbm: z.string().min(1),
  /** 上月办件量. */
  ybjl: digits,
  /**
   * 代办方式: 0 须本人申请, 1 未成年人可由监护人代为申请, 2 可由家人代为申请 (minors by their guardian,
   * adults by a relative they authorised). Absent in older records: 0.
   */
  dbfs: z.enum(['0', '1', '2']).optional(),
  /** 认证等级 filing online needs: 2 实名 (二要素), 3 实人 (face or 网证). Absent in older records: 3. */
  rzdj: z.enum(['2', '3']).optional(),
  /** 服务对象, comma-separated (自然人,企业法人,事业法人 ...). The fields below up to cjwt are absent in older records. */
  fwdx: z.string().optional(),
  /** 数量限制, e.g. 无数量限制. */
  slxd: z.string().optional(),
  /** 不予受理情形: one text block, one case per line, numbered like slxz. */
  byslqx: z.string().optional(),
  /** 中介服务 ("无" when none). */
  zjfw: z.string().optional(),
  /** 特别程序. */
  tbcx: z.array(SpecialProcedureRecordSchema).optional(),
  /** 是否有结果样本, and what the sample shows. */
  jgyb: flag.optional(),
  jgybsm: z.string().optional(),
  /** 常见问题. */
  cjwt: z.array(FaqRecordSchema).optional(),
  /** 表单结构. */
  bdjg: FormRecordSchema,
  /** 更新时间. */
  gxsj: compactDateTime,
});
export type ItemRecord = z.infer<typeof ItemRecordSchema>;

/** 一件事 member item. */
export const PackageMemberRecordSchema = z.object({
  xh: digits,
  sxbm: z.string().min(1),
  sxmc: z.string().min(1),
  /** 办理部门. */
  blbm: z.string().min(1),
  /** 是否公安事项 (then sxbm is an item of this catalog). */
  sfga: flag,
});

export const PackageRecordSchema = z.object({
  yjsbm: z.string().regex(/^YJS[0-9A-Z]{3,20}$/),
  yjsmc: z.string().min(1),
  yjsms: z.string(),
  /** 人生事件, when the package belongs to one. */
  shsj: CodeNameSchema.nullish(),
  /** 牵头部门. */
  qtbm: z.string().min(1),
  cnbjsx: digits,
  dxcs: digits,
  /** 受理条件, as for items. */
  slxz: z.string(),
  zxdh: z.string(),
  cyx: z.array(PackageMemberRecordSchema).min(2),
  gxsj: compactDateTime,
});
export type PackageRecord = z.infer<typeof PackageRecordSchema>;

export const VersionResponseSchema = legacyEnvelope(
  z.object({
    /** 版本号: changes whenever any item or package changes. */
    bbh: z.string().min(1),
    /** 发布时间. */
    fbsj: compactDateTime,
    /** 事项总数, 一件事总数. */
    sxzs: digits,
    yjszs: digits,
  }),
);

/** A page of the data-exchange interface. */
export const pageResponse = <T extends z.ZodType>(row: T) =>
  legacyEnvelope(
    z.object({
      bbh: z.string().min(1),
      total: z.number().int(),
      pageNo: z.number().int(),
      pageSize: z.number().int(),
      list: z.array(row),
    }),
  );

export const ItemResponseSchema = legacyEnvelope(ItemRecordSchema);
export const PackageResponseSchema = legacyEnvelope(PackageRecordSchema);
