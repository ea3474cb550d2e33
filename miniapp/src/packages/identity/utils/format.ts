import type { BindingEvent, IdentityStatus } from '@suijing/shared';

/** 绑定记录 in words. */
export const BINDING_KIND_TEXT: Record<BindingEvent['kind'], string> = {
  bound: '绑定到账号',
  'moved-in': '刷脸换绑到此账号',
  'moved-out': '从此账号换绑走',
  unbound: '解除绑定',
  closed: '账号注销，解除绑定',
};

export const BINDING_METHOD_TEXT: Record<BindingEvent['method'], string> = {
  register: '姓名与身份证号核验',
  'wechat-face': '微信刷脸认证',
  ctid: '网证认证',
  user: '本人操作',
  'account-closed': '注销账号',
};

/** How the identity was first verified. */
export const VERIFY_METHOD_TEXT: Record<NonNullable<IdentityStatus['method']>, string> = {
  register: '姓名与身份证号核验',
  face: '刷脸认证',
};

/** Groups of 6, 8 and 4 characters (area, birth date, sequence and check): easier to read out and compare. */
export function groupIdNumber(idNumber: string): string {
  return idNumber.length === 18 ? `${idNumber.slice(0, 6)} ${idNumber.slice(6, 14)} ${idNumber.slice(14)}` : idNumber;
}
