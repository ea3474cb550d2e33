import { maskIdNumber, maskName, maskPhone } from './masking';
import type { FormData, FormIssue } from './forms';
import type { ApplicationForm, FormField, IdentityFieldKind } from './schemas/catalog';

/**
 * Fields that are the applicant's own identity (FormField.identity). The
 * server fills them from what the person proved and refuses anything else a
 * client sends; the mini-program shows them masked and locked. Kept
 * dependency-free like forms.ts, so both sides use the same rules.
 */

/** The applicant as proven: name and ID number from 实名认证, the phone from the account. */
export interface ApplicantIdentity {
  name: string;
  idNumber: string;
  /** The account's phone; null when it has none (a WeChat login), and its phone field is then typed as a contact. */
  phone: string | null;
}

export type IdentityField = FormField & { identity: IdentityFieldKind };

/** GB 11643: the 17th character ends the sequence code, odd for men. The masked form (last four kept) shows it too. */
export function sexOfIdNumber(idNumber: string): '男' | '女' | undefined {
  const id = idNumber.trim();
  const digit = id[16];
  if (id.length !== 18 || digit === undefined || !/\d/.test(digit)) return undefined;
  return Number(digit) % 2 === 1 ? '男' : '女';
}

/** GB 11643: characters 7-14 are the birth date; given as yyyy-MM-dd, as the date picker writes it. */
export function birthDateOfIdNumber(idNumber: string): string | undefined {
  const digits = idNumber.trim().slice(6, 14);
  if (!/^\d{8}$/.test(digits)) return undefined;
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}`;
}

export function identityFields(form: ApplicationForm): IdentityField[] {
  return form.sections
    .flatMap((section) => section.fields)
    .filter((field): field is IdentityField => field.identity !== undefined);
}

/** Whether the verified record fills a field (it is then locked): every identity field but a phone the account lacks. */
export function isFilledFromRecord(field: FormField, accountHasPhone: boolean): boolean {
  return field.identity !== undefined && (field.identity !== 'phone' || accountHasPhone);
}

/** Keys the record fills, which the citizen neither types nor sends. */
export function recordFilledKeys(form: ApplicationForm, accountHasPhone: boolean): Set<string> {
  return new Set(identityFields(form).flatMap((f) => (isFilledFromRecord(f, accountHasPhone) ? [f.key] : [])));
}

/**
 * An identity field's value for this applicant, in the field's own terms (a
 * sex field with options holds the code of the option labelled 男 or 女);
 * undefined when the record has none (the phone of an account without one).
 */
export function identityValue(field: FormField, applicant: ApplicantIdentity): string | undefined {
  switch (field.identity) {
    case 'name':
      return applicant.name;
    case 'idNumber':
      return applicant.idNumber;
    case 'phone':
      return applicant.phone ?? undefined;
    case 'sex': {
      const sex = sexOfIdNumber(applicant.idNumber);
      if (!sex) return undefined;
      return field.options?.find((option) => option.label === sex)?.value ?? sex;
    }
    case 'birthDate':
      return birthDateOfIdNumber(applicant.idNumber);
    default:
      return undefined;
  }
}

/** The data with every identity field set from the record: what is checked and filed. */
export function fillIdentity(form: ApplicationForm, data: FormData, applicant: ApplicantIdentity): FormData {
  const out: FormData = { ...data };
  for (const field of identityFields(form)) {
    const value = identityValue(field, applicant);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

const normal = (value: string): string => value.trim().toUpperCase();

/** Besides nothing, what a client may send for an identity field: the proven value or the masked form it was shown. */
function acceptable(field: IdentityField, proven: string): string[] {
  switch (field.identity) {
    case 'name':
      return [proven, maskName(proven)];
    case 'idNumber':
      return [proven, maskIdNumber(proven)];
    case 'phone':
      return [proven, maskPhone(proven)];
    case 'sex':
      return [proven, field.options?.find((option) => option.value === proven)?.label ?? proven];
    case 'birthDate':
      return [proven, proven.replace(/-/g, '')];
  }
}

/**
 * Identity fields a client filled with anything but the applicant's proven
 * value or its masked form: the request is refused (FORM_IDENTITY_MISMATCH),
 * as someone else's name or ID number belongs in the fields of the person the
 * item is done for, never in the applicant's.
 */
export function identityMismatches(form: ApplicationForm, data: FormData, applicant: ApplicantIdentity): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const field of identityFields(form)) {
    const value = data[field.key];
    if (value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
    const proven = identityValue(field, applicant);
    if (proven === undefined) continue;
    const sent = Array.isArray(value) ? null : normal(value);
    if (sent !== null && acceptable(field, proven).map(normal).includes(sent)) continue;
    issues.push({
      path: field.key,
      message:
        field.identity === 'phone'
          ? `${field.label}为您账号绑定的手机号码，不能修改`
          : `${field.label}来自您的实名认证，不能修改`,
    });
  }
  return issues;
}

/**
 * What a draft keeps: no identity field (the record fills those again on
 * submission) and no other ID number or phone (a draft is sent back as it
 * is, and responses never carry these in full): those are typed again.
 */
export function draftableData(form: ApplicationForm, data: FormData): FormData {
  const dropped = new Set(
    form.sections
      .flatMap((section) => section.fields)
      .filter((field) => field.identity !== undefined || field.type === 'idNumber' || field.type === 'phone')
      .map((field) => field.key),
  );
  return Object.fromEntries(Object.entries(data).filter(([key]) => !dropped.has(key)));
}
