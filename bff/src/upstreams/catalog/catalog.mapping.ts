import {
  fromCompactDateTime,
  isoDayFromCompact,
  type DateBound,
  type ApplicationForm,
  type Category,
  type DeliveryMode,
  type FormField,
  type FormFieldType,
  type IdentityFieldKind,
  type ItemAssurance,
  type ItemGuide,
  type Material,
  type MaterialExemption,
  type PackageDetail,
} from '@suijing/shared';
import type {
  FormFieldRecordSchema,
  FormRecordSchema,
  ItemRecord,
  MaterialRecordSchema,
  PackageRecord,
} from './catalog.dialect';
import type { z } from 'zod';

/** Translation of the catalog dialect into the shared, Chinese-labelled types. */

const ONLINE_DEPTH: Record<ItemRecord['wbsd'], string> = {
  '1': '网上咨询',
  '2': '网上预审',
  '3': '网上受理',
  '4': '全程网办',
};

const DELIVERY_MODE_OF: Record<string, DeliveryMode> = { '1': 'window', '2': 'post', '3': 'electronic' };

/** "3,2,1" -> electronic, post, window (the order is the catalog's: the usual one first). */
function deliveryModesOf(sdfs: string | undefined): DeliveryMode[] {
  if (!sdfs) return [];
  return [...new Set(sdfs.split(',').flatMap((code) => DELIVERY_MODE_OF[code] ?? []))];
}

const CHANNELS: Record<string, string> = { '1': '网上办理', '2': '窗口办理', '3': '自助办理' };

const CROSS_REGION: Record<ItemRecord['kytb'], { scope: ItemGuide['crossRegion']['scope']; label: string }> = {
  '0': { scope: 'none', label: '暂不支持跨域通办' },
  '1': { scope: 'province', label: '省内通办' },
  '2': { scope: 'national', label: '跨省通办' },
  '3': { scope: 'bay-area', label: '湾区通办' },
};

const NECESSITY: Record<z.infer<typeof MaterialRecordSchema>['clxz'], Material['necessity']> = {
  '1': 'required',
  '2': 'waivable',
  '3': 'conditional',
};

const FIELD_TYPES: Record<z.infer<typeof FormFieldRecordSchema>['zdlx'], FormFieldType> = {
  TEXT: 'text',
  TEXTAREA: 'textarea',
  NUMBER: 'number',
  DATE: 'date',
  SELECT: 'select',
  RADIO: 'radio',
  CHECKBOX: 'checkbox',
  SFZH: 'idNumber',
  SJHM: 'phone',
  HPHM: 'plate',
  DZ: 'address',
};

const IDENTITY: Record<NonNullable<z.infer<typeof FormFieldRecordSchema>['sqrys']>, IdentityFieldKind> = {
  XM: 'name',
  SFZH: 'idNumber',
  SJHM: 'phone',
  XB: 'sex',
  CSRQ: 'birthDate',
};

/** 实人 unless the record says 实名 is enough: a record without the level asks the most. */
const ASSURANCE: Record<NonNullable<ItemRecord['rzdj']>, ItemAssurance> = { '2': 'L2', '3': 'L3' };

/** Who may file for someone else; a record without it asks for the person themselves. */
const ON_BEHALF: Record<NonNullable<ItemRecord['dbfs']>, ItemGuide['onBehalf']> = {
  '0': 'none',
  '1': 'minors',
  '2': 'family',
};

const optional = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

const number = (value: string | undefined): number | undefined => {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** Drops undefined members so optional fields are absent, not null, in JSON. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** "a，b, c" -> ["a", "b", "c"]: the legacy comma lists (别名, 服务对象); absent or blank is empty. */
function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，、]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** yyyyMMddHHmmss (Beijing) -> ISO; an unreadable time is reported as the epoch rather than failing the guide. */
export function isoFromCompact(value: string): string {
  return (fromCompactDateTime(value) ?? new Date(0)).toISOString();
}

/** "1.xxx\n2、yyy" -> ["xxx", "yyy"]: the one-text-block lists of the legacy guide. */
export function splitNumberedLines(text: string): string[] {
  return text
    .split(/\r?\n|[；;](?=\s*[（(]?\d+[)）.、．])/)
    .map((line) => line.replace(/^\s*[（(]?\d+[)）.、．]\s*/, '').trim())
    .filter(Boolean);
}

export function policeTypeOf(record: ItemRecord): Category {
  return { code: record.jzdm.toLowerCase(), name: record.jzmc };
}

export function lifeEventOf(codeName: { dm: string; mc: string }): Category {
  return { code: codeName.dm.toLowerCase(), name: codeName.mc };
}

/** A regular expression the form may use, or undefined when it would not compile (it then is not enforced). */
function usablePattern(source: string | undefined): string | undefined {
  if (!source) return undefined;
  try {
    new RegExp(source);
    return source;
  } catch {
    return undefined;
  }
}

/** "19000101" -> "1900-01-01"; "T" -> 0, "T+7" -> 7, "T-365" -> -365 (days from the day of filing). */
function dateBoundOf(value: string | undefined): DateBound | undefined {
  if (value === undefined) return undefined;
  if (value.startsWith('T')) return Number(value.slice(1) || '0');
  return isoDayFromCompact(value);
}

const EXEMPTION: Record<NonNullable<z.infer<typeof MaterialRecordSchema>['wsmtj']>, MaterialExemption> = {
  '1': 'form',
  '2': 'shared',
};

function toField(record: z.infer<typeof FormFieldRecordSchema>): FormField {
  return compact({
    key: record.zddm,
    label: record.zdmc,
    type: FIELD_TYPES[record.zdlx],
    required: record.bt === '1',
    placeholder: optional(record.tsxx),
    help: optional(record.txsm),
    options: record.xx?.map((o) => ({ value: o.dm, label: o.mc })),
    minLength: number(record.zxcd),
    maxLength: number(record.zdcd),
    min: number(record.zxz),
    max: number(record.zdz),
    pattern: usablePattern(record.zzbds),
    patternMessage: optional(record.zzts),
    earliest: record.zdlx === 'DATE' ? dateBoundOf(record.rqxx) : undefined,
    latest: record.zdlx === 'DATE' ? dateBoundOf(record.rqsx) : undefined,
    identity: record.sqrys ? IDENTITY[record.sqrys] : undefined,
  });
}

export function toForm(record: z.infer<typeof FormRecordSchema>): ApplicationForm {
  return {
    version: record.bbh,
    sections: record.fz.map((group) => ({ title: group.fzmc, fields: group.zd.map(toField) })),
  };
}

function toMaterial(record: z.infer<typeof MaterialRecordSchema>): Material {
  return compact({
    name: record.clmc,
    necessity: NECESSITY[record.clxz],
    source: record.clly,
    paperCopies: Number(record.zzfs),
    spec: record.clgg,
    eLicence: compact({
      reusable: record.dzzz === '1',
      name: record.dzzz === '1' ? optional(record.dzzzmc) : undefined,
    }),
    trustGrade: record.xrdj,
    onlineExemption: record.wsmtj ? EXEMPTION[record.wsmtj] : undefined,
    sampleAvailable: record.ybbz === '1',
    blankFormAvailable: record.kbbg === '1',
    note: optional(record.bz),
  });
}

export function toItemGuide(record: ItemRecord): ItemGuide {
  const crossRegion = CROSS_REGION[record.kytb];
  return {
    code: record.sxbm,
    name: record.sxmc,
    family: record.zxmc,
    ...(optional(record.qxmc) ? { situation: record.qxmc?.trim() } : {}),
    policeType: policeTypeOf(record),
    lifeEvents: record.shsj.map(lifeEventOf),
    department: record.ssjg,
    itemType: record.sxlx,
    promisedDays: Number(record.cnbjsx),
    visits: Number(record.dxcs),
    charged: record.sfsf === '1',
    onlineDepth: ONLINE_DEPTH[record.wbsd],
    monthlyVolume: Number(record.ybjl),
    aliases: splitList(record.bm),
    competentDepartment: record.zgbm,
    caseType: record.bjlx === '1' ? 'instant' : 'promised',
    statutoryDays: Number(record.fdbjsx),
    channels: record.blxs.split(',').map((c) => CHANNELS[c] ?? c),
    fee: compact({ charged: record.sfsf === '1', standard: optional(record.sfbz), basis: optional(record.sfyj) }),
    payOnline: record.wszf === '1',
    appointment: record.sfyy === '1',
    delivery: record.wlkd === '1',
    deliveryModes: deliveryModesOf(record.sdfs),
    level: record.xscj,
    powerSource: record.qlly,
    crossRegion: { scope: crossRegion.scope, description: optional(record.kytbsm) ?? crossRegion.label },
    conditions: splitNumberedLines(record.slxz),
    materials: record.sqcl.map(toMaterial),
    steps: record.blcx.map((step) =>
      compact({ name: step.hjmc, description: step.hjsm, actor: optional(step.blry), days: number(step.hjsx) }),
    ),
    legalBasis: record.sdyj.map((basis) =>
      compact({ law: basis.flmc, article: optional(basis.tkh), text: optional(basis.tknr) }),
    ),
    hotline: record.zxdh,
    complaintLine: record.jddh,
    halls: record.ckxx.map((hall) => ({ name: hall.dtmc, address: hall.dz, hours: hall.bgsj })),
    result: {
      name: record.jgmc,
      type: record.jglx,
      sample: compact({ available: record.jgyb === '1', description: optional(record.jgybsm) }),
    },
    serviceObjects: splitList(record.fwdx),
    ...compact({ quantityLimit: optional(record.slxd), intermediaryService: optional(record.zjfw) }),
    refusalCases: splitNumberedLines(record.byslqx ?? ''),
    specialProcedures: (record.tbcx ?? []).map((step) =>
      compact({ name: step.cxmc, description: step.cxsm, days: number(step.cxsx) }),
    ),
    faqs: (record.cjwt ?? []).map((faq) => ({ question: faq.wt.trim(), answer: faq.jd.trim() })),
    assurance: ASSURANCE[record.rzdj ?? '3'],
    onBehalf: ON_BEHALF[record.dbfs ?? '0'],
    form: toForm(record.bdjg),
    updatedAt: isoFromCompact(record.gxsj),
  };
}

/** A package; `isPoliceItem` says whether a member's code is an item of this catalog (its guide can open). */
export function toPackageDetail(record: PackageRecord, isPoliceItem: (code: string) => boolean): PackageDetail {
  const members = [...record.cyx]
    .sort((a, b) => Number(a.xh) - Number(b.xh))
    .map((member) => ({
      order: Number(member.xh),
      itemCode: member.sxbm,
      itemName: member.sxmc,
      department: member.blbm,
      police: member.sfga === '1' && isPoliceItem(member.sxbm),
    }));
  return {
    code: record.yjsbm,
    name: record.yjsmc,
    description: record.yjsms,
    ...(record.shsj ? { lifeEvent: lifeEventOf(record.shsj) } : {}),
    leadDepartment: record.qtbm,
    departments: [...new Set([record.qtbm, ...members.map((m) => m.department)])],
    memberCount: members.length,
    promisedDays: Number(record.cnbjsx),
    visits: Number(record.dxcs),
    members,
    conditions: splitNumberedLines(record.slxz),
    hotline: record.zxdh,
    updatedAt: isoFromCompact(record.gxsj),
  };
}
