import { readString, removeKey, writeString } from '@/utils/storage';
import { newIdempotencyKey } from '@/utils/idempotency';

/**
 * The Idempotency-Key of the current review-and-submit attempt. Kept in
 * storage with a fingerprint of what is sent: a retry of the same request
 * (a tap after a network error, a restart) reuses the key, so the BFF
 * answers with the case it may already have created; a changed request is
 * a new attempt with a new key.
 */
const KEY = 'suijing.submitAttempt';

interface Attempt {
  fingerprint: string;
  key: string;
}

function read(): Attempt | null {
  const raw = readString(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Attempt>;
    return typeof parsed.key === 'string' && typeof parsed.fingerprint === 'string'
      ? { key: parsed.key, fingerprint: parsed.fingerprint }
      : null;
  } catch {
    return null;
  }
}

export function attemptKey(request: unknown): string {
  const fingerprint = JSON.stringify(request);
  const stored = read();
  if (stored && stored.fingerprint === fingerprint) return stored.key;
  const key = newIdempotencyKey();
  writeString(KEY, JSON.stringify({ fingerprint, key }));
  return key;
}

/** After success, or when the BFF says the key belongs to another request. */
export function endAttempt(): void {
  removeKey(KEY);
}
