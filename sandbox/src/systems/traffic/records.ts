/**
 * The 车驾管 records as the traffic system keeps them: already in its
 * dialect (pinyin field names, strings only, dates yyyyMMdd). What goes on
 * the wire is these minus the internal parts, padded (wire.ts).
 */

/** 机动车驾驶证 (one per driver). */
export interface DriverLicence {
  /** 档案编号: 12 digits. */
  dabh: string;
  sfzmhm: string;
  xm: string;
  /** 1 男, 2 女. */
  xb: '1' | '2';
  gj: string;
  csrq: string;
  /** 准驾车型: classes run together, e.g. C1, B2, A1A2, C1E. */
  zjcx: string;
  /** 累积记分 in the current 记分周期 (a number as a string). */
  ljjf: string;
  /** 清分日期: the end of the current 记分周期. */
  qfrq: string;
  yxqs: string;
  /** 有效期止; LONG_TERM_DATE for 长期. */
  yxqz: string;
  cclzrq: string;
  /** 审验日期 ("" if never). */
  syrq: string;
  tjrq: string;
  fzjg: string;
  /** Status letters, sorted: "A" or e.g. "HP". */
  zt: string;
}

/** The lender's filing that the loan is repaid (解除抵押 may then be applied for). */
export interface ReleaseRecord {
  bh: string;
  rq: string;
}

/** 抵押登记: kept beside the vehicle; only the jcdy check shows it. */
export interface Mortgage {
  dyqr: string;
  dyhtbh: string;
  djrq: string;
  jcdyjl?: ReleaseRecord;
}

/** 机动车 (owned by a driver of the register). */
export interface Vehicle {
  /** 机动车序号: the system's internal record number, 14 characters. */
  xh: string;
  hphm: string;
  hpzl: string;
  cllx: string;
  clpp: string;
  clxh: string;
  csys: string;
  syxz: string;
  ccdjrq: string;
  /** 检验有效期止. */
  yxqz: string;
  qzbfqz: string;
  bxzzrq: string;
  dybj: '0' | '1';
  clsbdh: string;
  syr: string;
  zt: string;
  /** Present while dybj is "1" (internal, not on the wire). */
  mortgage?: Mortgage;
}

/** xc 现场 (决定书 against the driver), fxc 非现场 (camera, against a plate). */
export type ViolationKind = 'xc' | 'fxc';
export const VIOLATION_KINDS: readonly ViolationKind[] = ['xc', 'fxc'];

export interface Violation {
  wfbh: string;
  hphm: string;
  hpzl: string;
  /** yyyy-MM-dd HH:mm:ss (Beijing). */
  wfsj: string;
  wfdz: string;
  wfxw: string;
  wfms: string;
  fkje: string;
  wfjf: string;
  clbj: '0' | '1';
  jkbj: '0' | '1';
  cjjg: string;
  cjjgmc: string;
  /** 决定书编号 once handled ("" before). */
  jdsbh: string;
  /** 决定时间 yyyyMMddHHmmss when handled through this system ("" for records handled before it kept one). */
  jdsj: string;
}

/** Everything the traffic system holds about one person of the register. */
export interface TrafficFile {
  sfzmhm: string;
  licence?: DriverLicence;
  vehicles: Vehicle[];
  /** 现场 records against the licence. */
  onSite: Violation[];
  /** 非现场 records against the person's vehicles (by plate). */
  camera: Violation[];
}

/** What 有效期止 holds for a licence valid 长期 (the legacy column is a date). */
export const LONG_TERM_DATE = '20991231';
