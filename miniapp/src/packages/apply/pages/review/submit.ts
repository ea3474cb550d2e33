import type { ApplicationDetail, ApplicationSubmitRequest } from '@suijing/shared';
import { submitApplication } from '@/services/applications';
import { submitWithAttempt } from '@/utils/submit-attempt';
import { submitAttempt } from '../../state/attempt';

/**
 * Submits with the attempt's Idempotency-Key (the same key for every retry
 * of this request, across taps and restarts), retrying once by itself after
 * a network error. The key is dropped once a case exists.
 */
export function submitWithKey(request: ApplicationSubmitRequest, retryDelayMs = 1000): Promise<ApplicationDetail> {
  return submitWithAttempt(submitAttempt, request, (key) => submitApplication(request, key), retryDelayMs);
}
