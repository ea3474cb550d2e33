/**
 * The records the catalog system (事项库) serves, in its legacy dialect:
 * pinyin-abbreviation field names, numbers and flags as strings,
 * yyyyMMddHHmmss times. The BFF's zod schemas (bff/src/upstreams/catalog/
 * catalog.dialect.ts) are the contract; these types mirror them field for
 * field so the sandbox cannot drift without the compiler noticing here.
 */

export type Flag = '0' | '1';

/**
 * 代办方式: 0 须本人申请, 1 未成年人可由监护人代为申请, 2 可由家人代为申请 (a minor by a
 * guardian, an adult by a relative they authorised).
 */
export const ON_BEHALF_MODES = ['0', '1', '2'] as const;
export type OnBehalfMode = (typeof ON_BEHALF_MODES)[number];

export interface CodeName {
  dm: string;
  mc: string;
}

export const FORM_FIELD_TYPES = [
  'TEXT',
  'TEXTAREA',
  'NUMBER',
  'DATE',
  'SELECT',
  'RADIO',
  'CHECKBOX',
  'SFZH',
  'SJHM',
  'HPHM',
  'DZ',
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Field types whose value is one or more of the options. */
export const CHOICE_FIELD_TYPES: readonly FormFieldType[] = ['SELECT', 'RADIO', 'CHECKBOX'];

export interface FormFieldRecord {
  zddm: string;
  zdmc: string;
  zdlx: FormFieldType;
  bt: Flag;
  tsxx?: string;
  txsm?: string;
  zxcd?: string;
  zdcd?: string;
  zxz?: string;
  zdz?: string;
  zzbds?: string;
  zzts?: string;
  xx?: CodeName[];
  /** 申请人身份要素: the field is the applicant's own 姓名, 公民身份号码, 手机号码, 性别 or 出生日期. */
  sqrys?: ApplicantElement;
  /** 日期下限 / 日期上限 (DATE): yyyyMMdd, or T (the day of filing), T+n / T-n days from it. */
  rqxx?: string;
  rqsx?: string;
}

export const APPLICANT_ELEMENTS = ['XM', 'SFZH', 'SJHM', 'XB', 'CSRQ'] as const;
export type ApplicantElement = (typeof APPLICANT_ELEMENTS)[number];

export interface FormGroupRecord {
  fzmc: string;
  zd: FormFieldRecord[];
}

export interface FormRecord {
  bbh: string;
  fz: FormGroupRecord[];
}

export interface MaterialRecord {
  clmc: string;
  /** 1 必要, 2 容缺, 3 情形材料. */
  clxz: '1' | '2' | '3';
  clly: string;
  zzfs: string;
  clgg: string;
  dzzz: Flag;
  dzzzmc?: string;
  xrdj?: 'A' | 'B' | 'C';
  ybbz: Flag;
  kbbg: Flag;
  bz?: string;
  /**
   * 网上办理免提交: 1 the online form is this material (在线填写, signed by the filing),
   * 2 the issuer or another department supplies it (数据共享 / 线上推送). Absent: to be provided.
   */
  wsmtj?: '1' | '2';
}

export interface StepRecord {
  hjmc: string;
  hjsm: string;
  blry?: string;
  hjsx?: string;
}

export interface BasisRecord {
  flmc: string;
  tkh?: string;
  tknr?: string;
}

/** 特别程序: 专家评审, 现场核查, 公示 ...; cxsx in working days, not counted in cnbjsx. */
export interface SpecialProcedureRecord {
  cxmc: string;
  cxsm: string;
  cxsx?: string;
}

/** 常见问题: wt 问题, jd 解答. */
export interface FaqRecord {
  wt: string;
  jd: string;
}

export interface HallRecord {
  dtmc: string;
  dz: string;
  bgsj: string;
}

export interface ItemRecord {
  sxbm: string;
  sxmc: string;
  zxmc: string;
  qxmc?: string;
  bm: string;
  jzdm: string;
  jzmc: string;
  shsj: CodeName[];
  sxlx: string;
  bjlx: '1' | '2';
  cnbjsx: string;
  fdbjsx: string;
  dxcs: string;
  blxs: string;
  sfsf: Flag;
  sfbz?: string;
  sfyj?: string;
  sfwb: Flag;
  wbsd: '1' | '2' | '3' | '4';
  wszf: Flag;
  sfyy: Flag;
  wlkd: Flag;
  /**
   * 送达方式 the applicant chooses when applying online, comma-separated, the usual one first:
   * 1 窗口领取, 2 邮政寄递, 3 电子证明. Empty when there is no choice to make there (items whose
   * form asks 领取方式 itself, or whose result is collected at the hall).
   */
  sdfs: string;
  xscj: string;
  qlly: string;
  kytb: '0' | '1' | '2' | '3';
  kytbsm?: string;
  slxz: string;
  sqcl: MaterialRecord[];
  blcx: StepRecord[];
  sdyj: BasisRecord[];
  zxdh: string;
  jddh: string;
  ckxx: HallRecord[];
  jgmc: string;
  jglx: string;
  ssjg: string;
  zgbm: string;
  ybjl: string;
  /** 认证等级 for filing online: 2 实名 (name and ID number matched), 3 实人 (face or 网证). */
  rzdj: '2' | '3';
  /** 代办方式: who besides the person themself may file it (see OnBehalfMode). */
  dbfs: OnBehalfMode;
  /** 服务对象, comma-separated (自然人,企业法人 ...). */
  fwdx: string;
  /** 数量限制. */
  slxd: string;
  /** 不予受理情形: one numbered text block like slxz. */
  byslqx: string;
  /** 中介服务 ("无" when none). */
  zjfw: string;
  /** 特别程序. */
  tbcx: SpecialProcedureRecord[];
  /** 是否有结果样本, and what it shows. */
  jgyb: Flag;
  jgybsm?: string;
  /** 常见问题. */
  cjwt: FaqRecord[];
  bdjg: FormRecord;
  gxsj: string;
}

export interface PackageMemberRecord {
  xh: string;
  sxbm: string;
  sxmc: string;
  blbm: string;
  sfga: Flag;
}

export interface PackageRecord {
  yjsbm: string;
  yjsmc: string;
  yjsms: string;
  shsj: CodeName | null;
  qtbm: string;
  cnbjsx: string;
  dxcs: string;
  slxz: string;
  zxdh: string;
  cyx: PackageMemberRecord[];
  gxsj: string;
}
