import Taro from '@tarojs/taro';
import type { IdentityStatus, User } from '@suijing/shared';
import { ApiError, configureApiClient } from '@/services/api-client';
import { fetchMe, logout } from '@/services/auth';
import { clearTokens, hasTokens } from '@/services/token-store';
import { messageOf } from '@/services/api-error';
import { goToLogin } from '@/utils/navigation';
import { authStore, setAnonymous, setAuthenticated, setAuthError, setAuthLoading } from './auth-store';
import { noticeFor, setSessionNotice } from './session-notice';

/**
 * The session use cases that pages call: they combine the services (BFF)
 * with the auth store, so pages stay declarative.
 */

/** Loads the current user when tokens are stored (app launch, retry buttons). */
export async function restoreSession(): Promise<void> {
  if (!hasTokens()) {
    setAnonymous();
    return;
  }
  setAuthLoading();
  try {
    setAuthenticated(await fetchMe());
  } catch (error) {
    // A lost session already reset the store (see wireApiClient); anything
    // else (offline, BFF down) keeps the tokens and offers a retry.
    if (!hasTokens()) setAnonymous();
    else setAuthError(messageOf(error));
  }
}

export function completeLogin(user: User): void {
  setSessionNotice(null);
  setAuthenticated(user);
}

/** The level an identity status gives this session (L3 while its in-person check is valid). */
export function assuranceFrom(status: IdentityStatus, nowMs = Date.now()): User['assurance'] {
  const inPerson = status.inPerson && Date.parse(status.inPerson.validUntil) > nowMs ? status.inPerson : null;
  if (inPerson) return { level: 'L3', inPersonAt: inPerson.at };
  return { level: status.realNameStatus === 'verified' ? 'L2' : 'L1', inPersonAt: null };
}

/** After 实名 or 本人认证: the logged-in user carries the new status and level at once. */
export function applyIdentity(status: IdentityStatus): void {
  const current = authStore.get();
  if (current.status !== 'authenticated') return;
  setAuthenticated({ ...current.user, realNameStatus: status.realNameStatus, assurance: assuranceFrom(status) });
}

/**
 * The session is over (the BFF said so): tokens gone, the login page shown
 * with the reason when it is worth explaining, else a short toast.
 */
function loseSession(error: ApiError): void {
  // Anonymous already (e.g. during logout): nothing to tell the user.
  if (authStore.get().status === 'anonymous') return;
  setAnonymous();
  const notice = noticeFor(error.code, error.message);
  setSessionNotice(notice);
  if (!notice) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
  goToLogin();
}

/** Ends the session here after an action that ended it on the server (e.g. 解除绑定). */
export function endSessionLocally(error: ApiError): void {
  clearTokens();
  loseSession(error);
}

/** Logs out here at once; the server call is best effort. */
export async function performLogout(): Promise<void> {
  setAnonymous();
  try {
    await logout();
  } catch {
    // Tokens are gone locally either way; the server session expires on its own.
  }
}

/** Connects the API client to the auth store and navigation; call once at launch. */
export function wireApiClient(): void {
  configureApiClient({
    onAuthLost: loseSession,
    onTokenResponse: (response) => setAuthenticated(response.user),
  });
}
