import { catalogSeed } from '../catalog';
import type { FormRecord, ItemRecord, OnBehalfMode } from '../catalog/records';
import { DELIVERY_MODES, type DeliveryMode } from './records';

/** What the approval system needs of a catalog item (事项). */
export interface ApprovalItem {
  sxbm: string;
  sxmc: string;
  /** 承诺办结时限 in working days (0 for 即办件). */
  promisedDays: number;
  /** 实施机关: the department that handles the case. */
  ssjg: string;
  form: FormRecord;
  /** 审批结果 name (无犯罪记录证明 …): what an 电子证明 is called. */
  jgmc: string;
  /** 送达方式 the applicant may choose, usual first; empty: none is chosen when applying. */
  deliveryModes: DeliveryMode[];
  /** The fee paid online once the case is accepted (收费 and 网上支付 items only): 收费项目 and yuan ("120.00"). */
  fee?: ItemFee;
  /** 代办方式: who may file it for a 当事人 (0 nobody, 1 a guardian for a minor, 2 family). */
  dbfs: OnBehalfMode;
}

export interface ItemFee {
  sfxm: string;
  sfje: string;
}

/**
 * The fee of an item charged online: the first yuan amount of its 收费标准 ("普通护照120元/本" -> "120.00").
 * Where the standard lists several (一次/二次有效签注), the first is the usual one.
 */
export function itemFee(item: Pick<ItemRecord, 'sfsf' | 'wszf' | 'sfbz' | 'zxmc'>): ItemFee | undefined {
  if (item.sfsf !== '1' || item.wszf !== '1') return undefined;
  const yuan = /(\d+(?:\.\d{1,2})?)元/.exec(item.sfbz ?? '')?.[1];
  if (yuan === undefined) throw new Error(`approval: fee standard "${item.sfbz ?? ''}" has no yuan amount`);
  const sfxm = /签注|考试/.test(item.zxmc) ? `${item.zxmc}费` : `${item.zxmc}工本费`;
  return { sfxm, sfje: Number(yuan).toFixed(2) };
}

const isDeliveryMode = (code: string): code is DeliveryMode => (DELIVERY_MODES as readonly string[]).includes(code);

function toApprovalItem(item: ItemRecord): ApprovalItem {
  const promisedDays = Number(item.cnbjsx);
  if (!Number.isInteger(promisedDays) || promisedDays < 0) {
    throw new Error(`approval: item ${item.sxbm} has a bad cnbjsx "${item.cnbjsx}"`);
  }
  const deliveryModes = item.sdfs === '' ? [] : item.sdfs.split(',').filter(isDeliveryMode);
  const fee = itemFee(item);
  return {
    sxbm: item.sxbm,
    sxmc: item.sxmc,
    promisedDays,
    ssjg: item.ssjg,
    form: item.bdjg,
    jgmc: item.jgmc,
    deliveryModes,
    dbfs: item.dbfs,
    ...(fee ? { fee } : {}),
  };
}

let cached: ReadonlyMap<string, ApprovalItem> | undefined;

/**
 * The catalog's items as published at start (the seed, shared with the
 * catalog system so the data lives in one place). A rename through the
 * catalog's control route is not seen here: cases keep the seed name.
 */
export function approvalItems(): ReadonlyMap<string, ApprovalItem> {
  cached ??= new Map(catalogSeed().items.map((item) => [item.sxbm, toApprovalItem(item)]));
  return cached;
}
