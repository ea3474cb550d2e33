import { formRecord } from './forms';
import {
  basisRecords,
  conditionsText,
  hallRecords,
  materialRecords,
  stepRecords,
  type Placeholders,
} from './guide-parts';
import { itemCode, monthlyVolume, seedUpdateTime } from './item-codes';
import { fillPlaceholders, lookup } from './lookup';
import type { FormRecord, ItemRecord } from './records';
import type { CatalogTables, FamilySource, GuideSource, ItemFile, VariantSource } from './tables';

/** An expanded item with the reference packages use to point at it ("SFZ/002"). */
export interface ExpandedItem {
  ref: string;
  record: ItemRecord;
}

/** Every variant of every family as a full record with its guide and form. */
export function expandItems(tables: CatalogTables): ExpandedItem[] {
  const out: ExpandedItem[] = [];
  const refs = new Set<string>();
  const codes = new Set<string>();
  for (const file of tables.itemFiles) {
    for (const family of file.families) {
      for (const variant of family.v) {
        const ref = `${family.key}/${variant.dm}`;
        const record = expandVariant(tables, file, family, variant, ref);
        if (refs.has(ref)) throw new Error(`catalog data: item ${ref} defined twice`);
        if (codes.has(record.sxbm)) throw new Error(`catalog data: item code ${record.sxbm} (${ref}) is not unique`);
        refs.add(ref);
        codes.add(record.sxbm);
        out.push({ ref, record });
      }
    }
  }
  return out;
}

/** A guide field as the variant sets it, else as its family does. */
function pick<K extends keyof GuideSource>(family: FamilySource, variant: VariantSource, key: K): GuideSource[K] {
  return variant[key] ?? family[key];
}

function required<T>(value: T | undefined, what: string, where: string): T {
  if (value === undefined) throw new Error(`catalog data: ${where} has no ${what}`);
  return value;
}

/** The inherited list plus what family and variant append (tjx, clx, yjx). */
function listWithExtras<T>(base: readonly T[] | undefined, ...extras: (readonly T[] | undefined)[]): T[] {
  return [...(base ?? []), ...extras.flatMap((extra) => extra ?? [])];
}

function expandVariant(
  tables: CatalogTables,
  file: ItemFile,
  family: FamilySource,
  variant: VariantSource,
  where: string,
): ItemRecord {
  const { meta } = tables;
  const policeType = lookup(meta.policeTypes, file.jz, 'police type', where);
  const agency = lookup(meta.agencies, pick(family, variant, 'org') ?? file.org, 'agency', where);
  const itemType = lookup(
    meta.itemTypes,
    required(pick(family, variant, 'lx'), 'item type (lx)', where),
    'item type',
    where,
  );
  const sxbm = itemCode(agency.uscc, itemType.dm, family.zx, variant.zi ?? '000', variant.dm);

  const promised = required(pick(family, variant, 'cn'), 'promised days (cn)', where);
  const statutory = required(pick(family, variant, 'fd'), 'statutory days (fd)', where);
  if (promised > statutory)
    throw new Error(`catalog data: ${where} promises ${promised} days, more than the statutory ${statutory}`);
  const jgmc = required(pick(family, variant, 'jgmc'), 'result (jgmc)', where);
  const name = variant.mc ?? fillPlaceholders(family.mcgs ?? '{zx}（{qx}）', { zx: family.zxmc, qx: variant.qx ?? '' });
  const values: Placeholders = { zx: family.zxmc, qx: variant.qx ?? '', jg: jgmc, mc: name };
  // null in a variant means "free" although the family charges, so ?? (which skips null) cannot be used here.
  const feeKey = variant.fee !== undefined ? variant.fee : family.fee;
  const fee = feeKey === undefined || feeKey === null ? undefined : lookup(tables.fees, feeKey, 'fee', where);
  const kytb = pick(family, variant, 'kytb') ?? '0';
  // As for fees, null in a variant means "no sample" although the family publishes one.
  const sample = variant.jgyb !== undefined ? variant.jgyb : family.jgyb;
  const serviceObjects = required(pick(family, variant, 'fwdx'), 'service objects (fwdx)', where);
  if (serviceObjects.length === 0) throw new Error(`catalog data: ${where} has an empty fwdx`);
  const kytbsm = pick(family, variant, 'kytbsm');
  const form = formRecord(tables, required(pick(family, variant, 'bd'), 'form (bd)', where), meta.formVersion, where);

  const record: ItemRecord = {
    sxbm,
    sxmc: name,
    zxmc: family.zxmc,
    ...(variant.qx ? { qxmc: variant.qx } : {}),
    bm: pick(family, variant, 'bm') ?? '',
    jzdm: file.jz,
    jzmc: policeType.mc,
    shsj: (pick(family, variant, 'shsj') ?? []).map((dm) => ({
      dm,
      mc: lookup(meta.lifeEvents, dm, 'life event', where),
    })),
    sxlx: itemType.mc,
    bjlx: promised === 0 ? '1' : '2',
    cnbjsx: String(promised),
    fdbjsx: String(statutory),
    dxcs: String(required(pick(family, variant, 'dx'), 'visits (dx)', where)),
    blxs: pick(family, variant, 'blxs') ?? '1,2',
    sfsf: fee ? '1' : '0',
    ...(fee ? { sfbz: fee.sfbz, sfyj: fee.sfyj } : {}),
    sfwb: '1',
    wbsd: pick(family, variant, 'wbsd') ?? '3',
    wszf: fee && pick(family, variant, 'wszf') ? '1' : '0',
    sfyy: pick(family, variant, 'sfyy') ? '1' : '0',
    wlkd: pick(family, variant, 'wlkd') ? '1' : '0',
    sdfs: deliveryModes(pick(family, variant, 'sdfs'), form, where),
    xscj: pick(family, variant, 'xscj') ?? '市级',
    qlly: pick(family, variant, 'qlly') ?? '法定本级行使',
    kytb,
    ...(kytbsm ? { kytbsm } : {}),
    slxz: conditionsText(
      tables,
      listWithExtras(pick(family, variant, 'tj'), family.tjx, variant.tjx),
      policeType.numbering,
      values,
      where,
    ),
    sqcl: materialRecords(tables, listWithExtras(pick(family, variant, 'cl'), family.clx, variant.clx), values, where),
    blcx: stepRecords(tables, required(pick(family, variant, 'lc'), 'steps (lc)', where), promised, values, where),
    sdyj: basisRecords(tables, listWithExtras(pick(family, variant, 'yj'), family.yjx, variant.yjx), where),
    zxdh: pick(family, variant, 'zxdh') ?? policeType.zxdh,
    jddh: meta.jddh,
    ckxx: hallRecords(tables, required(pick(family, variant, 'ck'), 'halls (ck)', where), where),
    jgmc,
    jglx: pick(family, variant, 'jglx') ?? '证照',
    ssjg: agency.mc,
    zgbm: agency.zgbm,
    ybjl: String(monthlyVolume(required(pick(family, variant, 'n'), 'monthly volume (n)', where), sxbm)),
    rzdj: pick(family, variant, 'rzdj') ?? '3',
    dbfs: pick(family, variant, 'db') ?? '0',
    fwdx: serviceObjects.join(','),
    slxd: pick(family, variant, 'slxd') ?? meta.guideDefaults.slxd,
    byslqx: conditionsText(
      tables,
      listWithExtras(pick(family, variant, 'bysl') ?? meta.guideDefaults.bysl, family.byslx, variant.byslx),
      policeType.numbering,
      values,
      where,
    ),
    zjfw: pick(family, variant, 'zjfw') ?? meta.guideDefaults.zjfw,
    tbcx: (pick(family, variant, 'tbcx') ?? []).map((step) => ({
      cxmc: step.cxmc,
      cxsm: fillPlaceholders(step.cxsm, values),
      ...(step.cxsx !== undefined ? { cxsx: String(step.cxsx) } : {}),
    })),
    jgyb: sample ? '1' : '0',
    ...(sample ? { jgybsm: fillPlaceholders(sample, values) } : {}),
    cjwt: (pick(family, variant, 'cjwt') ?? []).map((faq) => ({ wt: faq.wt, jd: fillPlaceholders(faq.jd, values) })),
    bdjg: form,
    gxsj: seedUpdateTime(meta.fbsj, sxbm),
  };
  return record;
}

/**
 * 送达方式 codes as published ("3,1,2"), checked: known codes, each once,
 * and never beside a form that asks 领取方式 (lqfs) itself, so the
 * applicant is asked one way only.
 */
function deliveryModes(value: string | undefined, form: FormRecord, where: string): string {
  if (value === undefined || value === '') return '';
  const codes = value.split(',');
  if (codes.some((code) => !['1', '2', '3'].includes(code)) || new Set(codes).size !== codes.length) {
    throw new Error(`catalog data: ${where} has a bad sdfs "${value}" (codes 1, 2, 3, each once)`);
  }
  if (form.fz.some((group) => group.zd.some((field) => field.zddm === 'lqfs'))) {
    throw new Error(`catalog data: ${where} offers sdfs and its form asks lqfs as well`);
  }
  return value;
}
