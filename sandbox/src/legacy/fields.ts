/**
 * Field naming of the police back ends: pinyin abbreviations of the Chinese
 * labels (hphm = 号牌号码), flags as "0"/"1", statuses as letter strings.
 * Systems keep their seed data in readable TypeScript and rename at the
 * edge with renameFields, so the dialect lives in one mapping per record.
 */

/** Abbreviations seen in the real systems and their labels (DOMAIN.md), for docs and reuse. */
export const LEGACY_FIELD_LABELS = {
  // identity
  sfzmhm: '身份证明号码',
  xm: '姓名',
  xb: '性别',
  csrq: '出生日期',
  sjhm: '手机号码',
  // driving licence
  dabh: '档案编号',
  zjcx: '准驾车型',
  ljjf: '累积记分',
  qfrq: '清分日期',
  yxqs: '有效期始',
  yxqz: '有效期止',
  cclzrq: '初次领证日期',
  syrq: '审验日期',
  tjrq: '体检日期',
  fzjg: '发证机关',
  zt: '状态',
  // vehicle
  hphm: '号牌号码',
  hpzl: '号牌种类',
  cllx: '车辆类型',
  clpp: '品牌',
  clxh: '型号',
  csys: '车身颜色',
  syxz: '使用性质',
  ccdjrq: '初次登记日期',
  qzbfqz: '强制报废期止',
  bxzzrq: '保险终止日期',
  dybj: '抵押标记',
  clsbdh: '车辆识别代号',
  syr: '所有人',
  // violations
  wfsj: '违法时间',
  wfdz: '违法地点',
  wfxw: '违法行为代码',
  wfms: '违法行为描述',
  fkje: '罚款金额',
  wfjf: '违法记分',
  clbj: '处理标记',
  jkbj: '缴款标记',
  cjjg: '采集机关',
} as const satisfies Record<string, string>;

export type LegacyFieldName = keyof typeof LEGACY_FIELD_LABELS;

/** A record type with the keys named in M renamed; keys M leaves out keep their names. */
export type Renamed<T, M extends { readonly [K in keyof T]?: string }> = {
  [K in keyof T as K extends keyof M ? (M[K] extends string ? M[K] : K) : K]: T[K];
};

/** { plate: '粤A12345' } with { plate: 'hphm' } -> { hphm: '粤A12345' }. */
export function renameFields<T extends object, const M extends { readonly [K in keyof T]?: string }>(
  record: T,
  mapping: M,
): Renamed<T, M> {
  const names = new Map<string, unknown>(Object.entries(mapping));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    const renamed = names.get(key);
    out[typeof renamed === 'string' ? renamed : key] = value;
  }
  // The mapped type above describes exactly this loop; TypeScript cannot follow it through Object.entries.
  return out as Renamed<T, M>;
}

/** Legacy booleans are the strings "1" and "0" (dybj, clbj, jkbj). */
export function legacyFlag(value: boolean): '1' | '0' {
  return value ? '1' : '0';
}

/** Status fields concatenate letter codes: ['A', 'H'] -> "AH". */
export function joinStatusLetters(letters: readonly string[]): string {
  return [...new Set(letters)].sort().join('');
}

/** "AH" -> ['A', 'H']. */
export function splitStatusLetters(value: string): string[] {
  return Array.from(value).filter((letter) => /^[A-Z]$/.test(letter));
}
