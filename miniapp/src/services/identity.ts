import Taro from '@tarojs/taro';
import type {
  BindingHistory,
  IdentityCheckOutcome,
  IdentityCheckStart,
  IdentityCheckStartRequest,
  IdentityReveal,
  IdentityStatus,
  IdentityVerifyRequest,
} from '@suijing/shared';
import { apiRequest } from './api-client';
import { ApiError } from './api-error';

/**
 * 实名 (L2) and 实人 (L3): the status, masked; name + ID number against the
 * population register; a face check (WeChat) or a 网证 authorisation; the
 * binding of the identity to this account, its history, unbinding, and the
 * full ID number for one screen.
 */

export function fetchIdentity(): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ path: '/api/v1/identity' });
}

/** 实名 (L2). 409 IDENTITY_BOUND_ELSEWHERE when the ID number is bound to another account. */
export function verifyIdentity(request: IdentityVerifyRequest): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ method: 'POST', path: '/api/v1/identity/verify', data: { ...request } });
}

/**
 * Starts an in-person check (L3). Name and ID number only when the account
 * has no verified identity yet, or to take one over (刷脸换绑).
 */
export function startInPersonCheck(request: IdentityCheckStartRequest): Promise<IdentityCheckStart> {
  return apiRequest<IdentityCheckStart>({ method: 'POST', path: '/api/v1/identity/checks', data: { ...request } });
}

/** The outcome, read by the BFF from WeChat or the 网证 platform; 409 FACE_CHECK_PENDING while not done. */
export function completeInPersonCheck(checkId: string): Promise<IdentityCheckOutcome> {
  return apiRequest<IdentityCheckOutcome>({
    method: 'POST',
    path: `/api/v1/identity/checks/${encodeURIComponent(checkId)}/complete`,
  });
}

/** 关联微信: an SMS account hands over this WeChat's wx.login code (WeChat's face check needs the openid). */
export async function linkWechat(): Promise<void> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    throw new ApiError({ status: 0, code: 'UNKNOWN', message: '关联微信失败，请检查网络后重试' });
  }
  await apiRequest<void>({ method: 'POST', path: '/api/v1/identity/wechat-link', data: { code } });
}

export function fetchBindingHistory(): Promise<BindingHistory> {
  return apiRequest<BindingHistory>({ path: '/api/v1/identity/binding/history' });
}

/** Unbinds the identity (fresh L3); every session of the account ends, this one included. */
export function unbindIdentity(): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: '/api/v1/identity/binding' });
}

/** Name and ID number in full (fresh L3), for one screen only: never stored. */
export function revealIdentity(): Promise<IdentityReveal> {
  return apiRequest<IdentityReveal>({ path: '/api/v1/identity/full' });
}
