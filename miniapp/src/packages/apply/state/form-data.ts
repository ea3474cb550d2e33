import type { ApplicationForm, Draft, FormField } from '@suijing/shared';
import { checkField, formFields, type FormData, type FormValue } from '@suijing/shared/forms';

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
 * checks drafts with the same rules). A half-typed ID number waits in the
 * form until it is whole.
 */
export function draftData(form: ApplicationForm, data: FormData): FormData {
  const out: FormData = {};
  for (const field of formFields(form)) {
    const value = data[field.key];
    if (!isEmpty(value) && value !== undefined && checkField(field, value) === undefined) out[field.key] = value;
  }
  return out;
}

/** What is submitted: every non-empty value, trimmed. */
export function submitData(form: ApplicationForm, data: FormData): FormData {
  const out: FormData = {};
  for (const field of formFields(form)) {
    const value = data[field.key];
    if (value === undefined || isEmpty(value)) continue;
    out[field.key] = Array.isArray(value) ? value : value.trim();
  }
  return out;
}

/** The value as the review page shows it: option labels instead of codes. */
export function displayValue(field: FormField, value: FormValue | undefined): string {
  if (value === undefined || isEmpty(value)) return '未填写';
  const values = Array.isArray(value) ? value : [value];
  const labels = values.map((v) => field.options?.find((option) => option.value === v)?.label ?? v);
  return labels.join('、');
}
