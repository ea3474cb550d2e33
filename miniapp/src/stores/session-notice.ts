import type { ApiErrorCode } from '@/services/api-error';
import { createStore } from './create-store';

/**
 * Why this device was logged out, when the BFF said so: the login page shows
 * it prominently (a takeover by 刷脸换绑 on another account, an unbinding,
 * a closed account, a device removed elsewhere). Cleared by the next login.
 */
export interface SessionNotice {
  code: ApiErrorCode;
  title: string;
  message: string;
}

/** The session-ending answers worth explaining, with a heading for each. */
const TITLES: Partial<Record<ApiErrorCode, string>> = {
  IDENTITY_MOVED: '您的实名身份已换绑到另一个账号',
  IDENTITY_UNBOUND: '已解除实名绑定',
  ACCOUNT_CLOSED: '账号已注销',
  SESSION_REVOKED: '本设备已退出登录',
  REFRESH_REUSED: '为保护账号安全，本设备已退出登录',
};

export function noticeFor(code: ApiErrorCode, message: string): SessionNotice | null {
  const title = TITLES[code];
  return title ? { code, title, message } : null;
}

export const sessionNoticeStore = createStore<SessionNotice | null>(null);

export function setSessionNotice(notice: SessionNotice | null): void {
  sessionNoticeStore.set(notice);
}
