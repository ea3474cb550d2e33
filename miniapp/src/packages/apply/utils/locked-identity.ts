import type { ApplicationForm } from '@suijing/shared';
import { identityFields, isFilledFromRecord, sexOfIdNumber } from '@suijing/shared/forms';

/** What the mini-program knows of the verified identity: masked only (the full numbers never reach it). */
export interface ShownIdentity {
  nameMasked?: string;
  idNumberMasked?: string;
  /** The account's phone, masked; null for an account without one (its phone field is then typed). */
  phoneMasked: string | null;
}

/**
 * The applicant's identity fields the verified record fills, by key, with
 * the text they show (locked) on the form and the review page: name, ID
 * number and phone masked; sex as the ID number tells it (its 17th digit
 * stays visible in the masked number); the birth date, which the masked
 * number hides, as where it comes from. The BFF fills the real values.
 */
export function lockedIdentity(form: ApplicationForm, shown: ShownIdentity): Record<string, string> {
  const locked: Record<string, string> = {};
  for (const field of identityFields(form)) {
    if (!isFilledFromRecord(field, shown.phoneMasked !== null)) continue;
    switch (field.identity) {
      case 'name':
        locked[field.key] = shown.nameMasked ?? '按实名信息填写';
        break;
      case 'idNumber':
        locked[field.key] = shown.idNumberMasked ?? '按实名信息填写';
        break;
      case 'phone':
        locked[field.key] = shown.phoneMasked ?? '';
        break;
      case 'sex':
        locked[field.key] = sexOfIdNumber(shown.idNumberMasked ?? '') ?? '按身份证号码填写';
        break;
      case 'birthDate':
        locked[field.key] = '按身份证号码填写';
        break;
    }
  }
  return locked;
}

/** The note under a locked field: where its value comes from (a member's register, when filed for them). */
export function lockedNote(kind: string | undefined, member = false): string {
  if (kind === 'phone') return member ? '代办人（您）账号绑定的手机号，不可修改' : '账号绑定的手机号，不可修改';
  return member ? '来自家人的户籍登记，不可修改' : '来自您的实名认证，不可修改';
}
