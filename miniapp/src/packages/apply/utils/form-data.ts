import type { ApplicationForm, Draft, FormField } from '@suijing/shared';
import { checkField, draftableData, formFields, type FormData, type FormValue } from '@suijing/shared/forms';
import { maskIdNumber, maskPhone } from '@suijing/shared/masking';

/** Pure helpers of the item form: what to resume, what to save, what to send. */

const isEmpty = (value: FormValue | undefined): boolean =>
  value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** The draft's values for fields the form still has (a newer form version may have dropped some). */
export function resumeData(form: ApplicationForm, draft: Draft | null): FormData {
  if (!draft) return {};
  const known = new Set(formFields(form).map((field) => field.key));
  return Object.fromEntries(Object.entries(draft.data).filter(([key]) => known.has(key)));
}

/**
 * What the draft may hold: values that pass their field's rules (the BFF
 * checks drafts with the same rules), half-typed ones wait in the form.
 * Never an identity field, an ID number or a phone: a draft comes back as it
 * was saved, and these are filled from the record or typed again.
 */
export function draftData(form: ApplicationForm, data: FormData): FormData {
  const out: FormData = {};
  for (const field of formFields(form)) {
    const value = data[field.key];
    if (!isEmpty(value) && value !== undefined && checkField(field, value) === undefined) out[field.key] = value;
  }
  return draftableData(form, out);
}

/** What is submitted: every non-empty value, trimmed; nothing for the fields the verified record fills. */
export function submitData(form: ApplicationForm, data: FormData, locked: ReadonlySet<string> = new Set()): FormData {
  const out: FormData = {};
  for (const field of formFields(form)) {
    if (locked.has(field.key)) continue;
    const value = data[field.key];
    if (value === undefined || isEmpty(value)) continue;
    out[field.key] = Array.isArray(value) ? value : value.trim();
  }
  return out;
}

/** The value as the review page shows it: option labels instead of codes, ID numbers and phones masked. */
export function displayValue(field: FormField, value: FormValue | undefined): string {
  if (value === undefined || isEmpty(value)) return '未填写';
  if (typeof value === 'string' && field.type === 'idNumber') return maskIdNumber(value.trim());
  if (typeof value === 'string' && field.type === 'phone') return maskPhone(value.trim());
  const values = Array.isArray(value) ? value : [value];
  const labels = values.map((v) => field.options?.find((option) => option.value === v)?.label ?? v);
  return labels.join('、');
}
