import Taro from '@tarojs/taro';

/**
 * Typed access to Taro storage (localStorage on H5, wx storage on weapp).
 * Storage can throw (quota, private mode, a corrupted entry): callers treat a
 * failed read as "nothing stored" rather than crashing a page.
 */

export function readString(key: string): string | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return typeof value === 'string' && value !== '' ? value : null;
  } catch {
    return null;
  }
}

export function writeString(key: string, value: string): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Not persisted: the in-memory state still holds for this run.
  }
}

export function removeKey(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing to do: the next read treats the key as absent anyway.
  }
}

/** Namespaced keys, so a shared H5 origin cannot clash with other apps. */
export const STORAGE_KEYS = {
  accessToken: 'suijing.accessToken',
  refreshToken: 'suijing.refreshToken',
  careMode: 'suijing.careMode',
  privacyConsent: 'suijing.privacyConsent',
  recentSearches: 'suijing.recentSearches',
} as const;
