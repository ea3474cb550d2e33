import { addDaysCompact, toCompactDate } from './compact-dates';
import type { ApplicationForm, DateBound, FormField, Material } from './schemas/catalog';
import { isValidCompactDate, isValidIdNumber, isValidPhone, isValidPlate } from './validators';

export * from './form-identity';

/**
 * The one validator of application forms, dependency-free so that the
 * mini-program checks a field as the citizen types with exactly the rules
 * the BFF enforces on submission.
 */

/** What a form holds: text for most fields, several values for checkboxes. */
export type FormValue = string | string[];
export type FormData = Record<string, FormValue>;

export interface FormIssue {
  /** The field key. */
  path: string;
  message: string;
}

/** Longest value any field accepts when its schema sets no limit. */
export const MAX_FIELD_LENGTH = 500;

const isEmpty = (value: FormValue | undefined): boolean =>
  value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');

/** yyyy-MM-dd as the date picker gives it, or yyyyMMdd. */
function isValidDate(value: string): boolean {
  const compact = value.replace(/-/g, '');
  return /^\d{4}-?\d{2}-?\d{2}$/.test(value) && isValidCompactDate(compact);
}

/** yyyyMMdd -> yyyy-MM-dd. */
const dashed = (compact: string): string => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;

/** The day of filing in Beijing, yyyy-MM-dd: what relative date bounds count from. */
export function filingDay(now: Date = new Date()): string {
  return dashed(toCompactDate(now));
}

/** A bound as a date (yyyy-MM-dd) on the given day. */
function boundDate(bound: DateBound, today: string): string {
  if (typeof bound === 'string') return bound;
  return dashed(addDaysCompact(today.replace(/-/g, ''), bound) ?? today.replace(/-/g, ''));
}

/** The dates a date field allows on `today` (yyyy-MM-dd each end, absent when unbounded). */
export function dateRange(field: FormField, today: string = filingDay()): { start?: string; end?: string } {
  return {
    ...(field.earliest !== undefined ? { start: boundDate(field.earliest, today) } : {}),
    ...(field.latest !== undefined ? { end: boundDate(field.latest, today) } : {}),
  };
}

/** 2026-12-08 -> 2026年12月8日, or 今天. */
function spokenDate(date: string, today: string): string {
  if (date === today) return '今天';
  return `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Why a well-formed date is outside its field's range (the side it crossed), or undefined when inside. */
function dateOutOfRange(field: FormField, value: string, today: string): string | undefined {
  const date = dashed(value.replace(/-/g, ''));
  const { start, end } = dateRange(field, today);
  if (start !== undefined && date < start) return `${field.label}不能早于${spokenDate(start, today)}`;
  if (end !== undefined && date > end) return `${field.label}不能晚于${spokenDate(end, today)}`;
  return undefined;
}

/**
 * The problem with one field's value, in words the citizen can act on, or
 * undefined when it is fine. `today` (yyyy-MM-dd, Beijing) is the day date
 * bounds count from; it defaults to now.
 */
export function checkField(field: FormField, value: FormValue | undefined, today?: string): string | undefined {
  if (isEmpty(value)) return field.required ? `请填写${field.label}` : undefined;
  const values = Array.isArray(value) ? value : [value as string];
  if (field.type === 'checkbox') {
    if (!Array.isArray(value)) return `${field.label}请从选项中选择`;
  } else if (Array.isArray(value)) {
    return `${field.label}只能填写一项`;
  }
  if (field.options && field.options.length > 0) {
    const allowed = new Set(field.options.map((option) => option.value));
    if (values.some((v) => !allowed.has(v))) return `${field.label}请从选项中选择`;
    return undefined;
  }
  const text = (value as string).trim();
  const length = Array.from(text).length;
  const maxLength = field.maxLength ?? MAX_FIELD_LENGTH;
  if (field.minLength !== undefined && length < field.minLength) return `${field.label}至少 ${field.minLength} 个字`;
  if (length > maxLength) return `${field.label}最多 ${maxLength} 个字`;
  switch (field.type) {
    case 'idNumber':
      if (!isValidIdNumber(text)) return `${field.label}不是有效的 18 位身份证号码，请核对`;
      break;
    case 'phone':
      if (!isValidPhone(text)) return `${field.label}应为 11 位手机号码`;
      break;
    case 'plate':
      if (!isValidPlate(text)) return `${field.label}格式不正确，如：粤A12345`;
      break;
    case 'date': {
      if (!isValidDate(text)) return `${field.label}请选择有效日期`;
      const outside = dateOutOfRange(field, text, today ?? filingDay());
      if (outside) return outside;
      break;
    }
    case 'number': {
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) return `${field.label}应为数字`;
      if (field.min !== undefined && n < field.min) return `${field.label}不能小于 ${field.min}`;
      if (field.max !== undefined && n > field.max) return `${field.label}不能大于 ${field.max}`;
      break;
    }
    default:
      break;
  }
  if (field.pattern && !new RegExp(`^(?:${field.pattern})$`).test(text)) {
    return field.patternMessage ?? `${field.label}格式不正确`;
  }
  return undefined;
}

/** Every field of the form. */
export function formFields(form: ApplicationForm): FormField[] {
  return form.sections.flatMap((section) => section.fields);
}

export interface ValidateOptions {
  /** Drafts: skip the required check, since a draft is what the citizen has typed so far. */
  partial?: boolean;
  /**
   * Keys the server fills from the verified record (recordFilledKeys): a
   * client leaves them out and does not check them. The server fills them
   * first (fillIdentity) and checks everything.
   */
  filledByServer?: ReadonlySet<string>;
  /** The day date bounds count from (yyyy-MM-dd, Beijing); now when absent. */
  today?: string;
}

/** Checks a whole form: each field's rules, and no keys the form does not have. */
export function validateForm(form: ApplicationForm, data: FormData, options: ValidateOptions = {}): FormIssue[] {
  const fields = formFields(form);
  const known = new Set(fields.map((field) => field.key));
  const issues: FormIssue[] = Object.keys(data)
    .filter((key) => !known.has(key))
    .map((key) => ({ path: key, message: '表单中没有这一项，请刷新页面后重新填写' }));
  for (const field of fields) {
    if (options.filledByServer?.has(field.key)) continue;
    const value = data[field.key];
    if (options.partial && isEmpty(value)) continue;
    const message = checkField(field, value, options.today);
    if (message) issues.push({ path: field.key, message });
  }
  return issues;
}

/**
 * Whether filing online must carry the material (an upload or an e-licence):
 * required ones, unless the guide exempts them online (the online form is
 * the material, or the issuer supplies it). The form and the BFF both ask this.
 */
export function mustProvideOnline(material: Material): boolean {
  return material.necessity === 'required' && material.onlineExemption === undefined;
}
