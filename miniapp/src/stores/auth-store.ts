import type { User } from '@suijing/shared';
import { createStore } from './create-store';

/**
 * Who is logged in. `loading` while tokens exist but /me has not answered
 * yet (pages show a skeleton, never a wrong "please log in"); `error` when
 * /me failed for a reason other than the session (offline, BFF down).
 */
export type AuthState =
  | { status: 'anonymous'; user: null; error: null }
  | { status: 'loading'; user: null; error: null }
  | { status: 'error'; user: null; error: string }
  | { status: 'authenticated'; user: User; error: null };

export const authStore = createStore<AuthState>({ status: 'anonymous', user: null, error: null });

export function setAuthenticated(user: User): void {
  authStore.set({ status: 'authenticated', user, error: null });
}

export function setAnonymous(): void {
  authStore.set({ status: 'anonymous', user: null, error: null });
}

export function setAuthLoading(): void {
  authStore.set({ status: 'loading', user: null, error: null });
}

export function setAuthError(message: string): void {
  authStore.set({ status: 'error', user: null, error: message });
}
