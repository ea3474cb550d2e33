import { readString, removeKey, STORAGE_KEYS, writeString } from '@/utils/storage';

/**
 * The access/refresh token pair. Kept in memory for speed and mirrored to
 * storage so a restart (or an H5 reload) stays logged in.
 */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

let cached: TokenPair | null | undefined;

export function getTokens(): TokenPair | null {
  if (cached === undefined) {
    const accessToken = readString(STORAGE_KEYS.accessToken);
    const refreshToken = readString(STORAGE_KEYS.refreshToken);
    cached = accessToken && refreshToken ? { accessToken, refreshToken } : null;
  }
  return cached;
}

export function setTokens(pair: TokenPair): void {
  cached = pair;
  writeString(STORAGE_KEYS.accessToken, pair.accessToken);
  writeString(STORAGE_KEYS.refreshToken, pair.refreshToken);
}

export function clearTokens(): void {
  cached = null;
  removeKey(STORAGE_KEYS.accessToken);
  removeKey(STORAGE_KEYS.refreshToken);
}

export function hasTokens(): boolean {
  return getTokens() !== null;
}

/** Tests only: forget the in-memory copy so the next read goes to storage. */
export function resetTokenCacheForTests(): void {
  cached = undefined;
}
