import type { CodeName, FormFieldRecord, HallRecord, BasisRecord, OnBehalfMode } from './records';

/**
 * The shapes of the JSON tables under sandbox/data/catalog. The data is
 * kept compact: shared snippets (materials, conditions, legal bases, halls,
 * fees, step templates, form fields) are written once and referenced by
 * key; each item family lists its 情形 variants, which inherit the family's
 * guide and override what differs. expand-items.ts turns this into full
 * records; every reference is checked there, so a typo fails at start-up.
 */

/** meta.json: code lists, bodies, phone numbers and the seed publication time. */
export interface MetaTable {
  /** yyyyMMddHHmmss of the seed publication. */
  fbsj: string;
  /** 表单版本号 of the seed forms. */
  formVersion: string;
  /** Police types by jzdm, with the style their guides number conditions in ("." or "、"). */
  policeTypes: Record<string, { mc: string; numbering: string; zxdh: string }>;
  lifeEvents: Record<string, string>;
  /** Item types by key: dm is the 2-digit type segment of item codes. */
  itemTypes: Record<string, CodeName>;
  /** Implementing police bodies by key: uscc is the 18-char unified social credit code. */
  agencies: Record<string, { mc: string; uscc: string; zgbm: string }>;
  /** Other departments that own members of 一件事 packages. */
  departments: Record<string, { mc: string; uscc: string }>;
  /** 监督投诉电话. */
  jddh: string;
  /** What a guide says when its family does not: 数量限制, 中介服务 and the 不予受理情形 every item has. */
  guideDefaults: { slxd: string; zjfw: string; bysl: string[] };
}

/** materials.json entries: a material as most guides word it; item references may refine it. */
export interface MaterialSource {
  clmc: string;
  clly: string;
  clgg: string;
  clxz?: '1' | '2' | '3';
  zzfs?: number;
  /** The e-licence the material can be taken from (makes dzzz "1"). */
  dzzzmc?: string;
  xrdj?: 'A' | 'B' | 'C';
  ybbz?: boolean;
  kbbg?: boolean;
  bz?: string;
  /** 网上办理免提交: "1" the online form is it, "2" the issuer or a department supplies it (see MaterialRecord). */
  wsmtj?: '1' | '2';
}

/** A material in an item: a key of materials.json, a key with refinements, or a material of its own. */
export type MaterialRef =
  | string
  | ({ k: string } & Partial<Pick<MaterialSource, 'clxz' | 'zzfs' | 'bz' | 'clmc' | 'clgg' | 'wsmtj'>>)
  | MaterialSource;

/** steps.json entries: d "rest" takes the promised days the other steps leave. */
export interface StepSource {
  hjmc: string;
  hjsm: string;
  blry?: string;
  d?: number | 'rest';
}

/** A 特别程序 (专家评审, 现场核查, 公示 ...): its time is not counted in the promised days. */
export interface SpecialProcedureSource {
  cxmc: string;
  cxsm: string;
  /** Working days, when the rules fix them. */
  cxsx?: number;
}

/** A 常见问题 with its answer. */
export interface FaqSource {
  wt: string;
  jd: string;
}

/** 服务对象 as the provincial portal lists them. */
export const SERVICE_OBJECTS = [
  '自然人',
  '企业法人',
  '事业法人',
  '社会组织法人',
  '非法人企业',
  '行政机关',
  '其他组织',
] as const;
export type ServiceObject = (typeof SERVICE_OBJECTS)[number];

export interface FeeSource {
  sfbz: string;
  sfyj: string;
}

/** forms.json: fields by key (the key becomes zddm) and reusable groups. */
export interface FormsTable {
  fields: Record<string, Omit<FormFieldRecord, 'zddm'>>;
  groups: Record<string, { fzmc: string; zd: string[] }>;
}

/** A form group in an item: a key of forms.json groups, or a group of field keys. */
export type FormGroupRef = string | { fzmc: string; zd: string[] };

export interface HallsTable {
  halls: Record<string, HallRecord>;
  /** Hall lists by key (e.g. all 出入境 halls). */
  groups: Record<string, string[]>;
}

/** Guide fields a family sets for all its variants and a variant may override. */
export interface GuideSource {
  /** Key of meta.itemTypes. */
  lx?: string;
  org?: string;
  /** Promised and statutory working days; 0 promised = 即办件. */
  cn?: number;
  fd?: number;
  dx?: number;
  blxs?: string;
  /** Key of fees.json; absent = free, null = free although the family charges. */
  fee?: string | null;
  wbsd?: '1' | '2' | '3' | '4';
  wszf?: boolean;
  sfyy?: boolean;
  wlkd?: boolean;
  /** 送达方式 codes offered when applying, usual first ("3,1,2"); see ItemRecord.sdfs. */
  sdfs?: string;
  xscj?: string;
  qlly?: string;
  kytb?: '0' | '1' | '2' | '3';
  kytbsm?: string;
  /** Conditions: "@key" of conditions.json or literal text. tjx appends to the inherited list. */
  tj?: string[];
  tjx?: string[];
  cl?: MaterialRef[];
  clx?: MaterialRef[];
  /** Key of steps.json. */
  lc?: string;
  /** Keys of bases.json. */
  yj?: string[];
  yjx?: string[];
  /** Key of halls groups. */
  ck?: string;
  jgmc?: string;
  jglx?: string;
  bd?: FormGroupRef[];
  /** Monthly cases (上月办件量) before the per-item jitter. */
  n?: number;
  shsj?: string[];
  bm?: string;
  /** Overrides meta.policeTypes[jz].zxdh. */
  zxdh?: string;
  /** 认证等级 filing online needs: "3" 实人 unless set (see sandbox/README.md for which items may say "2"). */
  rzdj?: '2' | '3';
  /** 代办方式 (ItemRecord.dbfs): "0" 须本人申请 unless set. */
  db?: OnBehalfMode;
  /** 服务对象; every family sets it. */
  fwdx?: ServiceObject[];
  /** 数量限制; meta.guideDefaults.slxd unless set. */
  slxd?: string;
  /** 不予受理情形 ("@key" of conditions.json or text); meta.guideDefaults.bysl unless set. byslx appends. */
  bysl?: string[];
  byslx?: string[];
  /** 中介服务; meta.guideDefaults.zjfw ("无") unless set. */
  zjfw?: string;
  /** 特别程序; none unless set. */
  tbcx?: SpecialProcedureSource[];
  /** 结果样本: what the sample shows; absent or null = no sample is published. */
  jgyb?: string | null;
  /** 常见问题, item-specific; none unless set. */
  cjwt?: FaqSource[];
}

export interface VariantSource extends GuideSource {
  /** 3-digit situation code, unique in the family. */
  dm: string;
  /** 3-digit sub-item code (子项), "000" when the family has none. */
  zi?: string;
  /** 情形名称. */
  qx?: string;
  /** Full name when the family's pattern does not fit. */
  mc?: string;
}

export interface FamilySource extends GuideSource {
  /** Stable key, used by packages to point at items ("SFZ/002"). */
  key: string;
  /** 5-digit main item code (主项). */
  zx: string;
  zxmc: string;
  /** Name pattern with {zx} and {qx}; default "{zx}（{qx}）". */
  mcgs?: string;
  v: VariantSource[];
}

/** items/*.json: the families of one police type. */
export interface ItemFile {
  jz: string;
  org: string;
  families: FamilySource[];
}

export type PackageMemberSource =
  /** A police item: "FAMILY/dm". */
  | { ga: string }
  /** Another department's item: meta.departments key, the 13 code chars after its USCC, and the name. */
  | { b: string; dm: string; mc: string };

export interface PackageSource {
  yjsbm: string;
  yjsmc: string;
  yjsms: string;
  shsj?: string;
  /** meta.departments key or a police agency key. */
  qtbm: string;
  cn: number;
  dx: number;
  tj: string[];
  zxdh: string;
  cyx: PackageMemberSource[];
}

/** Everything read from sandbox/data/catalog. */
export interface CatalogTables {
  meta: MetaTable;
  materials: Record<string, MaterialSource>;
  conditions: Record<string, string>;
  bases: Record<string, BasisRecord>;
  halls: HallsTable;
  fees: Record<string, FeeSource>;
  steps: Record<string, StepSource[]>;
  forms: FormsTable;
  itemFiles: ItemFile[];
  packages: PackageSource[];
}
