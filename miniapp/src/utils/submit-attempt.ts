import { ApiError } from '@/services/api-error';
import { newIdempotencyKey } from './idempotency';
import { readString, removeKey, writeString } from './storage';

/**
 * One submission attempt and its Idempotency-Key, kept in storage with a
 * fingerprint of what is sent: a retry of the same request (a tap after a
 * network error, a restart) reuses the key, so the BFF answers with the case
 * it may already have created; a changed request is a new attempt with a new key.
 */
export interface SubmitAttempt {
  /** The key of the attempt that sends exactly `request`. */
  key: (request: unknown) => string;
  /** After success, or when the BFF says the key belongs to another request. */
  end: () => void;
}

interface Stored {
  fingerprint: string;
  key: string;
}

function read(storageKey: string): Stored | null {
  const raw = readString(storageKey);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Stored>;
    return typeof parsed.key === 'string' && typeof parsed.fingerprint === 'string'
      ? { key: parsed.key, fingerprint: parsed.fingerprint }
      : null;
  } catch {
    return null;
  }
}

/** An attempt kept under `storageKey`: one per kind of submission, so two forms never share a key. */
export function storedAttempt(storageKey: string): SubmitAttempt {
  return {
    key: (request) => {
      const fingerprint = JSON.stringify(request);
      const stored = read(storageKey);
      if (stored && stored.fingerprint === fingerprint) return stored.key;
      const key = newIdempotencyKey();
      writeString(storageKey, JSON.stringify({ fingerprint, key }));
      return key;
    },
    end: () => removeKey(storageKey),
  };
}

/** Network errors and a busy BFF are worth one quiet retry with the same key; anything else is an answer. */
function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.status === 503);
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `request` with its attempt's Idempotency-Key (the same key for every
 * retry of this request, across taps and restarts), retrying once by itself
 * after a network error. The key is dropped once the BFF has created something.
 */
export async function submitWithAttempt<T>(
  attempt: SubmitAttempt,
  request: unknown,
  send: (idempotencyKey: string) => Promise<T>,
  retryDelayMs = 1000,
): Promise<T> {
  const key = attempt.key(request);
  let result: T;
  try {
    result = await send(key);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') attempt.end();
    if (!retryable(error)) throw error;
    await wait(retryDelayMs);
    result = await send(key);
  }
  attempt.end();
  return result;
}
