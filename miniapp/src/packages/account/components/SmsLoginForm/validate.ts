import { isValidPhone, isValidSmsCode } from '@suijing/shared/validators';
import type { ApiError } from '@/services/api-error';

/** Field messages of the SMS login form; the same rules the BFF enforces. */
export interface SmsFormErrors {
  phone?: string;
  code?: string;
  /** Not tied to a field (network, rate limits, server errors). */
  form?: string;
}

export const PHONE_MESSAGE = '请输入正确的 11 位手机号';
export const CODE_MESSAGE = '请输入 6 位数字验证码';

export function validatePhone(phone: string): string | undefined {
  if (phone === '') return '请输入手机号';
  return isValidPhone(phone) ? undefined : PHONE_MESSAGE;
}

export function validateSmsForm(values: { phone: string; code: string }): SmsFormErrors {
  const errors: SmsFormErrors = {};
  const phone = validatePhone(values.phone);
  if (phone) errors.phone = phone;
  if (values.code === '') errors.code = '请输入验证码';
  else if (!isValidSmsCode(values.code)) errors.code = CODE_MESSAGE;
  return errors;
}

export function hasErrors(errors: SmsFormErrors): boolean {
  return Boolean(errors.phone ?? errors.code ?? errors.form);
}

/** Shows a BFF error next to the field it is about, else above the button. */
export function errorsFromApi(error: ApiError): SmsFormErrors {
  if (error.code.startsWith('SMS_CODE_')) return { code: error.message };
  const phoneField = error.fields.find((f) => f.path === 'phone');
  if (phoneField) return { phone: phoneField.message };
  const codeField = error.fields.find((f) => f.path === 'code');
  if (codeField) return { code: codeField.message };
  return { form: error.message };
}

/** Keeps only digits, at most `max` of them (phones and codes are digits only). */
export function digitsOnly(value: string, max: number): string {
  return value.replace(/\D/g, '').slice(0, max);
}
