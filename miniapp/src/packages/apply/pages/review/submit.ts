import type { ApplicationDetail, ApplicationSubmitRequest } from '@suijing/shared';
import { ApiError } from '@/services/api-error';
import { submitApplication } from '@/services/applications';
import { attemptKey, endAttempt } from '../../state/attempt';

/** Network errors and a busy BFF are worth one quiet retry with the same key; anything else is an answer. */
function retryable(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'NETWORK_ERROR' || error.status === 503);
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Submits with the attempt's Idempotency-Key (the same key for every retry
 * of this request, across taps and restarts), retrying once by itself after
 * a network error. The key is dropped once a case exists.
 */
export async function submitWithKey(
  request: ApplicationSubmitRequest,
  retryDelayMs = 1000,
): Promise<ApplicationDetail> {
  const key = attemptKey(request);
  let detail: ApplicationDetail;
  try {
    detail = await submitApplication(request, key);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'IDEMPOTENCY_KEY_REUSED') endAttempt();
    if (!retryable(error)) throw error;
    await wait(retryDelayMs);
    detail = await submitApplication(request, key);
  }
  endAttempt();
  return detail;
}
