import { isValidIdNumber, isValidPersonName } from '@suijing/shared/validators';

/** The BFF's rules for 实名认证 (shared PersonNameSchema / IdNumberSchema), as the citizen types. */

export function checkName(value: string): string | undefined {
  const name = value.trim();
  if (name === '') return '请填写姓名';
  return isValidPersonName(name) ? undefined : '请填写与身份证件一致的姓名';
}

export function checkIdNumber(value: string): string | undefined {
  const id = value.trim().toUpperCase();
  if (id === '') return '请填写身份证号码';
  if (id.length < 18) return `还差 ${18 - id.length} 位`;
  return isValidIdNumber(id) ? undefined : '身份证号码校验不通过，请逐位核对';
}
