import { lookup } from './lookup';
import type { FormFieldRecord, FormGroupRecord, FormRecord } from './records';
import type { CatalogTables, FormGroupRef } from './tables';

/** 表单结构 of an item: its groups, each field copied from forms.json with its key as zddm. */
export function formRecord(
  tables: CatalogTables,
  refs: readonly FormGroupRef[],
  version: string,
  where: string,
): FormRecord {
  return { bbh: version, fz: refs.map((ref) => formGroup(tables, ref, where)) };
}

function formGroup(tables: CatalogTables, ref: FormGroupRef, where: string): FormGroupRecord {
  const group = typeof ref === 'string' ? lookup(tables.forms.groups, ref, 'form group', where) : ref;
  return { fzmc: group.fzmc, zd: group.zd.map((key) => formField(tables, key, where)) };
}

function formField(tables: CatalogTables, key: string, where: string): FormFieldRecord {
  const field = lookup(tables.forms.fields, key, 'form field', where);
  return { zddm: key, ...field, ...(field.xx ? { xx: field.xx.map((option) => ({ ...option })) } : {}) };
}
