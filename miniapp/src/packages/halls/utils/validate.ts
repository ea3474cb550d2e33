import { isValidIdNumber, isValidPersonName, isValidPhone } from '@suijing/shared/validators';

/**
 * The BFF's rules for a booking (AppointmentRequestSchema, BookingForSchema)
 * and a ticket, with the same messages, checked as the citizen types.
 * Dependency-free: zod stays out of the mini-program.
 */

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** Booking for someone else: who they are, and that they agreed. */
export interface BookingForInput {
  name: string;
  idNumber: string;
  phone: string;
  relation: string;
  consent: boolean;
}

export const EMPTY_BOOKING_FOR: BookingForInput = { name: '', idNumber: '', phone: '', relation: '', consent: false };

/** Relations offered as one tap; anything else may be typed (up to 20 characters). */
export const RELATIONS = ['父母', '配偶', '子女', '其他亲属', '朋友'] as const;
const RELATION_MAX = 20;

export function checkPhone(phone: string): string | undefined {
  return isValidPhone(phone.trim()) ? undefined : '请输入 11 位手机号码';
}

export function checkIdNumber(idNumber: string): string | undefined {
  const value = idNumber.trim().toUpperCase();
  if (value === '') return '请填写被预约人的身份证号码';
  return isValidIdNumber(value) ? undefined : '请填写有效的 18 位居民身份证号码';
}

export function checkName(name: string): string | undefined {
  const value = name.trim();
  if (value === '') return '请填写被预约人姓名';
  return isValidPersonName(value) ? undefined : '请填写与身份证件一致的姓名';
}

export function checkRelation(relation: string): string | undefined {
  const length = relation.trim().length;
  if (length === 0) return '请选择或填写与本人关系';
  return length > RELATION_MAX ? `与本人关系不超过 ${RELATION_MAX} 个字` : undefined;
}

export function checkConsent(consent: boolean): string | undefined {
  // The BFF's own message: a booking in someone's name needs their agreement.
  return consent ? undefined : '代他人预约须取得其本人同意';
}

/** Every problem of the 为他人预约 block; empty when it may be sent. */
export function validateBookingFor(input: BookingForInput): FieldErrors<keyof BookingForInput> {
  const errors: FieldErrors<keyof BookingForInput> = {};
  const checks: Array<[keyof BookingForInput, string | undefined]> = [
    ['name', checkName(input.name)],
    ['idNumber', checkIdNumber(input.idNumber)],
    ['phone', checkPhone(input.phone)],
    ['relation', checkRelation(input.relation)],
    ['consent', checkConsent(input.consent)],
  ];
  for (const [key, message] of checks) if (message) errors[key] = message;
  return errors;
}

/** The `for` block as the BFF takes it (trimmed, the ID's X upper-case). */
export function bookingFor(input: BookingForInput): {
  name: string;
  idNumber: string;
  phone: string;
  relation: string;
  consent: true;
} {
  return {
    name: input.name.trim(),
    idNumber: input.idNumber.trim().toUpperCase(),
    phone: input.phone.trim(),
    relation: input.relation.trim(),
    consent: true,
  };
}
