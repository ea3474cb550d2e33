import Taro from '@tarojs/taro';
import type { SmsSendResponse, TokenResponse, User } from '@suijing/shared';
import { apiRequest } from './api-client';
import { ApiError } from './api-error';
import { clientInfo } from './client-info';
import { clearTokens, setTokens } from './token-store';

/** Login, logout and the current user. */

function keep(response: TokenResponse): User {
  setTokens({ accessToken: response.accessToken, refreshToken: response.refreshToken });
  return response.user;
}

/** WeChat one-tap login: wx.login code -> BFF -> code2session. */
export async function loginWithWechat(): Promise<User> {
  let code: string;
  try {
    ({ code } = await Taro.login());
  } catch {
    // wx.login fails inside WeChat only (no network, client busy): say so plainly.
    throw new ApiError({ status: 0, code: 'UNKNOWN', message: '微信登录失败，请检查网络后重试' });
  }
  const response = await apiRequest<TokenResponse>({
    method: 'POST',
    path: '/api/v1/auth/wechat',
    data: { code, client: clientInfo() },
    auth: false,
  });
  return keep(response);
}

export function sendSmsCode(phone: string): Promise<SmsSendResponse> {
  return apiRequest<SmsSendResponse>({ method: 'POST', path: '/api/v1/auth/sms/send', data: { phone }, auth: false });
}

export async function loginWithSms(phone: string, code: string): Promise<User> {
  const response = await apiRequest<TokenResponse>({
    method: 'POST',
    path: '/api/v1/auth/sms/login',
    data: { phone, code, client: clientInfo() },
    auth: false,
  });
  return keep(response);
}

export function fetchMe(): Promise<User> {
  return apiRequest<User>({ path: '/api/v1/me' });
}

/** Ends this session on the server; the local tokens go regardless. */
export async function logout(): Promise<void> {
  try {
    await apiRequest<void>({ method: 'POST', path: '/api/v1/auth/logout' });
  } finally {
    clearTokens();
  }
}
