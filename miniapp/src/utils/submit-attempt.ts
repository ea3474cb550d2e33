import { ApiError, messageOf } from '@/services/api-error';
import { stepUpOf, type StepUp } from './assurance';
import { readString, removeKey, writeString } from './storage';

/**
 * One submission attempt and its Idempotency-Key: every retry of the same
 * request (a tap after a network error, a restart) sends the same key, so the
 * BFF answers with what it may already have created; a changed request is a
 * new attempt with a new key. The one place the mini-program keeps keys.
 */
export interface SubmitAttempt {
  /** The key of the attempt that sends exactly `request`. */
  key: (request: unknown) => string;
  /** After success, or when the BFF says the key belongs to another request. */
  end: () => void;
}

/**
 * An Idempotency-Key: 32 characters of [A-Za-z0-9], random enough that two
 * attempts never share one (the BFF accepts 8-64 of [A-Za-z0-9_-]).
 */
function newIdempotencyKey(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const time = Date.now().toString(36);
  let out = time;
  while (out.length < 32) out += alphabet[Math.floor(random() * alphabet.length)] ?? 'x';
  return out;
}

interface Stored {
  fingerprint: string;
  key: string;
}

/** An attempt whose key is kept by `load` and `save`, against the fingerprint of what is sent. */
function attemptKeptIn(load: () => Stored | null, save: (stored: Stored | null) => void): SubmitAttempt {
  return {
    key: (request) => {
      const fingerprint = JSON.stringify(request);
      const stored = load();
      if (stored && stored.fingerprint === fingerprint) return stored.key;
      const key = newIdempotencyKey();
      save({ fingerprint, key });
      return key;
    },
    end: () => save(null),
  };
}

function readStored(storageKey: string): Stored | null {
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

/** Where each kind of submission keeps its attempt: one place per kind, so two forms never share a key. */
const ATTEMPT_STORAGE_KEYS = {
  application: 'suijing.submitAttempt',
  complaint: 'suijing.complaintAttempt',
  appointment: 'suijing.appointmentAttempt',
  ticket: 'suijing.ticketAttempt',
  downgrade: 'suijing.downgradeAttempt',
  mortgageRelease: 'suijing.mortgageReleaseAttempt',
  violationHandling: 'suijing.violationHandlingAttempt',
  payment: 'suijing.paymentAttempt',
  walletShare: 'suijing.walletShareAttempt',
} as const;

export type SubmissionKind = keyof typeof ATTEMPT_STORAGE_KEYS;

/** The attempt of a kind of submission, kept in storage so it outlives a restart. */
function storedAttempt(kind: SubmissionKind): SubmitAttempt {
  const storageKey = ATTEMPT_STORAGE_KEYS[kind];
  return attemptKeptIn(
    () => readStored(storageKey),
    (stored) => (stored ? writeString(storageKey, JSON.stringify(stored)) : removeKey(storageKey)),
  );
}

/** An attempt kept for the life of a page only (a form whose result replaces it). */
export function memoryAttempt(): SubmitAttempt {
  let kept: Stored | null = null;
  return attemptKeptIn(
    () => kept,
    (stored) => {
      kept = stored;
    },
  );
}

/** Network errors and a busy BFF are worth one quiet retry with the same key; anything else is an answer. */
function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.status === 503);
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends `request` with the Idempotency-Key of the `kind`'s attempt (the same
 * key for every retry of this request, across taps and restarts), retrying
 * once by itself after a network error. The key is dropped once the BFF has
 * created something.
 */
export async function submitOnce<T>(
  kind: SubmissionKind,
  request: unknown,
  send: (idempotencyKey: string) => Promise<T>,
  retryDelayMs = 1000,
): Promise<T> {
  const attempt = storedAttempt(kind);
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

export interface SubmitFailure {
  /** The BFF wants a step first (实名, or 本人认证): go there rather than show an error. */
  stepUp: StepUp | null;
  /** Field messages the BFF found, by field path (`comment`, `for.idNumber`). */
  fields: Record<string, string>;
  /** The sentence under 提交, or null when nothing more needs saying. */
  message: string | null;
}

/**
 * What a failed submission means for its form. Refusals carry their own
 * message; a network or server failure may be sent again with the same key,
 * so the message says so with `retryNote` (可再次提交…).
 */
export function describeSubmitFailure(error: unknown, retryNote: string): SubmitFailure {
  const stepUp = stepUpOf(error);
  if (stepUp) return { stepUp, fields: {}, message: null };
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    const fields = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
    return { stepUp: null, fields, message: '有信息需要修改，请查看标红的项目' };
  }
  const sendAgain = !(error instanceof ApiError) || error.code === 'NETWORK_ERROR' || error.status >= 500;
  return { stepUp: null, fields: {}, message: sendAgain ? `${messageOf(error)}（${retryNote}）` : messageOf(error) };
}
