import type { DowngradeRequest } from '@suijing/shared';
import { isValidPhone } from '@suijing/shared/validators';

/**
 * The BFF's rules for the 自愿降级 and 解除抵押 forms (DowngradeRequestSchema,
 * MortgageReleaseRequestSchema), with the same messages, checked as the
 * citizen types. Dependency-free: zod stays out of the mini-program.
 */

export interface ContactInput {
  phone: string;
  address: string;
}

export interface DowngradeInput extends ContactInput {
  targetClass: string;
  delivery: DowngradeRequest['delivery'] | '';
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

const TARGET_CLASS = /^[A-D][1-3]-[A-D][1-3]$/;
const ADDRESS_MIN = 5;
const ADDRESS_MAX = 100;

export function checkPhone(phone: string): string | undefined {
  return isValidPhone(phone.trim()) ? undefined : '请输入 11 位手机号码';
}

export function checkAddress(address: string): string | undefined {
  const length = address.trim().length;
  if (length < ADDRESS_MIN) return '请填写详细通讯地址';
  if (length > ADDRESS_MAX) return `通讯地址不超过 ${ADDRESS_MAX} 个字`;
  return undefined;
}

/**
 * `phoneTyped`: false while the account's own phone is used (nothing typed;
 * the BFF fills it in), so only a typed number is checked.
 */
export function validateContact(input: ContactInput, phoneTyped = true): FieldErrors<keyof ContactInput> {
  const errors: FieldErrors<keyof ContactInput> = {};
  const phone = phoneTyped ? checkPhone(input.phone) : undefined;
  const address = checkAddress(input.address);
  if (phone) errors.phone = phone;
  if (address) errors.address = address;
  return errors;
}

/** Every problem of the 自愿降级 form; empty when it may be sent. */
export function validateDowngrade(
  input: DowngradeInput,
  allowedClasses: readonly string[],
  phoneTyped = true,
): FieldErrors<keyof DowngradeInput> {
  const errors: FieldErrors<keyof DowngradeInput> = { ...validateContact(input, phoneTyped) };
  if (!TARGET_CLASS.test(input.targetClass) || !allowedClasses.includes(input.targetClass)) {
    errors.targetClass = '请选择降级后的准驾车型';
  }
  if (input.delivery !== 'window' && input.delivery !== 'post') errors.delivery = '请选择领取方式';
  return errors;
}
