import Taro from '@tarojs/taro';
import type { User } from '@suijing/shared';
import { ApiError, configureApiClient } from '@/services/api-client';
import { fetchMe, logout } from '@/services/auth';
import { hasTokens } from '@/services/token-store';
import { messageOf } from '@/services/api-error';
import { goToLogin } from '@/utils/navigation';
import { authStore, setAnonymous, setAuthenticated, setAuthError, setAuthLoading } from './auth-store';

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
  setAuthenticated(user);
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
    onAuthLost: (error: ApiError) => {
      // Anonymous already (e.g. during logout): nothing to tell the user.
      if (authStore.get().status === 'anonymous') return;
      setAnonymous();
      void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
      goToLogin();
    },
    onTokenResponse: (response) => setAuthenticated(response.user),
  });
}
