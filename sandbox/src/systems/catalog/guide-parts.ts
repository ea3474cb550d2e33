import { fillPlaceholders, lookup } from './lookup';
import type { BasisRecord, HallRecord, MaterialRecord, StepRecord } from './records';
import type { CatalogTables, MaterialRef, MaterialSource } from './tables';

/** Text placeholders a snippet may use: {zx} main item name, {qx} situation, {jg} result name. */
export type Placeholders = Readonly<Record<string, string>>;

/** 受理条件 as one text block, one numbered condition per line ("1." or "1、" depending on the police type). */
export function conditionsText(
  tables: CatalogTables,
  entries: readonly string[],
  numbering: string,
  values: Placeholders,
  where: string,
): string {
  return entries
    .map((entry) => (entry.startsWith('@') ? lookup(tables.conditions, entry.slice(1), 'condition', where) : entry))
    .map((text, index) => `${index + 1}${numbering}${fillPlaceholders(text, values)}`)
    .join('\n');
}

export function materialRecords(
  tables: CatalogTables,
  refs: readonly MaterialRef[],
  values: Placeholders,
  where: string,
): MaterialRecord[] {
  return refs.map((ref) => materialRecord(resolveMaterial(tables, ref, where), values));
}

function resolveMaterial(tables: CatalogTables, ref: MaterialRef, where: string): MaterialSource {
  if (typeof ref === 'string') return lookup(tables.materials, ref, 'material', where);
  if ('k' in ref) {
    const { k, ...refinements } = ref;
    return { ...lookup(tables.materials, k, 'material', where), ...refinements };
  }
  return ref;
}

function materialRecord(source: MaterialSource, values: Placeholders): MaterialRecord {
  const record: MaterialRecord = {
    clmc: fillPlaceholders(source.clmc, values),
    clxz: source.clxz ?? '1',
    clly: source.clly,
    zzfs: String(source.zzfs ?? 1),
    clgg: source.clgg,
    dzzz: source.dzzzmc ? '1' : '0',
    ybbz: source.ybbz ? '1' : '0',
    kbbg: source.kbbg ? '1' : '0',
  };
  if (source.dzzzmc) record.dzzzmc = source.dzzzmc;
  if (source.xrdj) record.xrdj = source.xrdj;
  if (source.bz) record.bz = fillPlaceholders(source.bz, values);
  if (source.wsmtj) record.wsmtj = source.wsmtj;
  return record;
}

/**
 * 办理流程 from a template. The step marked "rest" gets the promised days
 * the others leave, so the steps always add up to 承诺办结时限.
 */
export function stepRecords(
  tables: CatalogTables,
  key: string,
  promisedDays: number,
  values: Placeholders,
  where: string,
): StepRecord[] {
  const template = lookup(tables.steps, key, 'step template', where);
  const fixed = template.reduce((sum, step) => sum + (typeof step.d === 'number' ? step.d : 0), 0);
  const hasRest = template.some((step) => step.d === 'rest');
  if (fixed > promisedDays || (!hasRest && fixed !== promisedDays)) {
    throw new Error(`catalog data: steps "${key}" take ${fixed} days, ${where} promises ${promisedDays}`);
  }
  return template.map((step) => {
    const record: StepRecord = { hjmc: step.hjmc, hjsm: fillPlaceholders(step.hjsm, values) };
    if (step.blry) record.blry = step.blry;
    if (step.d !== undefined) record.hjsx = String(step.d === 'rest' ? promisedDays - fixed : step.d);
    return record;
  });
}

export function basisRecords(tables: CatalogTables, keys: readonly string[], where: string): BasisRecord[] {
  return keys.map((key) => ({ ...lookup(tables.bases, key, 'legal basis', where) }));
}

export function hallRecords(tables: CatalogTables, groupKey: string, where: string): HallRecord[] {
  return lookup(tables.halls.groups, groupKey, 'hall group', where).map((key) => ({
    ...lookup(tables.halls.halls, key, 'hall', `hall group ${groupKey}`),
  }));
}
