import { birthDateOfIdNumber, isoDayFromCompact, sexOfIdNumber, wholeMonthsBetween } from '@suijing/shared';
import { type LegacyError, withDetail } from '../../legacy/envelope';
import { APPROVAL_ERRORS } from './errors';
import type { ApprovalItem } from './items';
import type { CaseSubject } from './records';

/** Under this age a person is a minor for acting on their behalf: from 16 they authorise it themselves. */
export const ADULT_AGE = 16;

/** Whole years of age on `today` (yyyyMMdd) of the holder of a resident ID. */
export function ageOfIdNumber(idNumber: string, today: string): number {
  const birth = birthDateOfIdNumber(idNumber);
  return birth === undefined ? 0 : Math.floor(wholeMonthsBetween(birth, isoDayFromCompact(today)) / 12);
}

/**
 * Why a case filed for a 当事人 is refused (4024), by the item's 代办方式:
 * 0 nobody but the person; 1 only a guardian for a minor under 16; 2 a
 * guardian for a minor, a relative for an adult (whose authorisation the
 * filing side holds).
 */
export function onBehalfRefusal(item: ApprovalItem, dsr: CaseSubject, today: string): LegacyError | undefined {
  if (item.dbfs === '0') return APPROVAL_ERRORS.ON_BEHALF_NOT_ALLOWED;
  const minor = ageOfIdNumber(dsr.sfzmhm, today) < ADULT_AGE;
  if (item.dbfs === '1' && !(minor && dsr.gx === 'JHR')) {
    return withDetail(APPROVAL_ERRORS.ON_BEHALF_NOT_ALLOWED, '仅未满16周岁的未成年人可由监护人代为申请');
  }
  return undefined;
}

/**
 * The form's identity fields (申请人身份要素) of a case filed for someone
 * hold the 当事人's name, ID number, sex and birth date (the phone stays the
 * contact's); the problem, if one does not.
 */
export function subjectFormProblem(
  item: ApprovalItem,
  dsr: CaseSubject,
  formData: Readonly<Record<string, string | string[]>>,
): string | undefined {
  for (const field of item.form.fz.flatMap((group) => group.zd)) {
    const value = formData[field.zddm];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const given = value.trim();
    const matches: Partial<Record<string, boolean>> = {
      XM: given === dsr.xm.trim(),
      SFZH: given.toUpperCase() === dsr.sfzmhm.toUpperCase(),
      XB: (field.xx ?? []).find((option) => option.dm === given)?.mc === sexOfIdNumber(dsr.sfzmhm),
      CSRQ: given.replaceAll('-', '') === birthDateOfIdNumber(dsr.sfzmhm)?.replaceAll('-', ''),
    };
    if (field.sqrys !== undefined && matches[field.sqrys] === false) {
      return `bdsj.${field.zddm}（${field.zdmc}）须为当事人（dsr）的信息`;
    }
  }
  return undefined;
}
