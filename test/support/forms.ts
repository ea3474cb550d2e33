import { addDaysCompact, dateRange, type ApplicationForm, type FormData, type FormField } from '@suijing/shared';

/** yyyy-MM-dd moved by whole days. */
const shifted = (date: string, days: number): string => {
  const compact = addDaysCompact(date.replace(/-/g, ''), days) ?? date.replace(/-/g, '');
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
};

/** A date well inside the field's range (not on a bound, which moves at midnight), e.g. a booking next week. */
function dateFor(field: FormField): string {
  const { start, end } = dateRange(field);
  if (start && end) return shifted(start, Math.floor((Date.parse(end) - Date.parse(start)) / 86_400_000 / 2));
  if (start) return shifted(start, 2);
  if (end) return shifted(end, -2);
  return '2026-10-01';
}

/** A valid value for a field, as a careful citizen would type it. */
function valueFor(field: FormField, person: { name: string; idNumber: string; phone: string }): string | string[] {
  const first = field.options?.[0]?.value;
  switch (field.type) {
    case 'select':
    case 'radio':
      return first ?? '';
    case 'checkbox':
      return first ? [first] : [];
    case 'idNumber':
      return person.idNumber;
    case 'phone':
      return person.phone;
    case 'plate':
      return '粤A12345';
    case 'date':
      return dateFor(field);
    case 'number':
      return String(field.min ?? 1);
    default: {
      const text = field.type === 'address' ? '广州市天河区天河路100号' : '因个人需要申请办理';
      const min = field.minLength ?? 0;
      const max = field.maxLength ?? 500;
      return text.padEnd(min, '办').slice(0, max);
    }
  }
}

/**
 * Fills every required field (and any without a pattern) with valid values,
 * as the mini-program sends them: nothing for the applicant's identity fields,
 * which the BFF fills from the verified record. `contactPhone` is what an
 * account without a phone (a WeChat login) types into the applicant's phone.
 */
export function fillForm(
  form: ApplicationForm,
  person: { name: string; idNumber: string; phone: string },
  options: { contactPhone?: string } = {},
): FormData {
  const data: FormData = {};
  for (const field of form.sections.flatMap((section) => section.fields)) {
    if (field.identity === 'phone' && options.contactPhone) data[field.key] = options.contactPhone;
    if (field.identity !== undefined) continue;
    if (!field.required && field.pattern) continue;
    if (field.required || field.type !== 'text') data[field.key] = valueFor(field, person);
  }
  return data;
}

/** The smallest valid PNG (1x1), as a phone camera would not, but as a file type check sees it. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
