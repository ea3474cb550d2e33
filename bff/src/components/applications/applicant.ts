import {
  ASSURANCE,
  fillIdentity,
  identityFields,
  identityMismatches,
  meetsAssurance,
  validateForm,
  type ApplicantIdentity,
  type ApplicationForm,
  type AssuranceRequirement,
  type FormData,
  type FormIssue,
  type ItemGuide,
} from '@suijing/shared';
import { demandAssurance } from '../../libraries/assurance';
import type { AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';

/**
 * Who files a case and how sure we are of it: the items' assurance levels
 * against the session's, and the form's identity fields from the verified
 * record only. Used by every path that files cases (items and 一件事).
 */

/** What filing these items asks: 实人 within 30 days when any of them is L3, else 实名. */
export function filingRequirement(items: readonly Pick<ItemGuide, 'assurance'>[]): AssuranceRequirement {
  return items.some((item) => item.assurance === 'L3') ? ASSURANCE.inPerson : ASSURANCE.realName;
}

/**
 * Throws 403 ASSURANCE_REQUIRED (with the level) unless this session may
 * file the items now. The caller is verified (L2) already; L3 is this
 * session's in-person check.
 */
export function demandFilingAssurance(
  auth: AuthState,
  items: readonly Pick<ItemGuide, 'assurance'>[],
  nowMs: number,
): void {
  demandAssurance(filingHeld(auth), filingRequirement(items), nowMs);
}

/** Whether this session may file the items now (demandFilingAssurance without the 403). */
export function mayFile(auth: AuthState, items: readonly Pick<ItemGuide, 'assurance'>[], nowMs: number): boolean {
  return meetsAssurance(filingHeld(auth), filingRequirement(items), nowMs);
}

/** A verified caller holds L2; L3 is this session's in-person check. */
function filingHeld(auth: AuthState) {
  return { level: auth.inPersonAtMs !== null ? ('L3' as const) : ('L2' as const), inPersonAtMs: auth.inPersonAtMs };
}

/**
 * The contact phone of a request: the one typed, else the account's own
 * (the mini-program offers it prefilled without ever holding the full
 * number). An account without a phone (a WeChat login) must type one.
 */
export function contactPhone(typed: string | undefined, account: string | null | undefined): string {
  const phone = typed ?? account;
  if (phone) return phone;
  const message = '请填写联系电话';
  throw new AppError({ code: 'VALIDATION_FAILED', message, fields: [{ path: 'phone', message }] });
}

/**
 * The form data to file: another person's identity in the applicant's
 * fields is refused (400 FORM_IDENTITY_MISMATCH naming the keys), the fields
 * are filled from the record, then every rule is checked. `whose` says whose
 * record fills them: the applicant's own, or the family member's filed for.
 */
export function applicantFormData(
  form: ApplicationForm,
  data: FormData,
  applicant: ApplicantIdentity,
  today?: string,
  whose: 'own' | 'member' = 'own',
): FormData {
  const found = identityMismatches(form, data, applicant);
  const mismatches = whose === 'member' ? found.map((issue) => asMembers(form, issue)) : found;
  if (mismatches.length > 0) throw new AppError({ code: 'FORM_IDENTITY_MISMATCH', fields: mismatches });
  const filled = fillIdentity(form, data, applicant);
  const issues = validateForm(form, filled, { today });
  if (issues.length > 0) throw new AppError({ code: 'VALIDATION_FAILED', fields: issues });
  return filled;
}

/** A mismatch in a form filed for a family member: their fields come from their record (the phone stays mine). */
function asMembers(form: ApplicationForm, issue: FormIssue): FormIssue {
  const field = identityFields(form).find((f) => f.key === issue.path);
  if (!field || field.identity === 'phone') return issue;
  return { ...issue, message: `${field.label}来自所代办家人的登记信息，不能修改` };
}
