import type { ApplicationDetail, ApplicationSubmitRequest } from '@suijing/shared';
import { submitApplication } from '@/services/applications';
import { submitOnce } from '@/utils/submit-attempt';

/** Submits the reviewed application with its attempt's Idempotency-Key (see utils/submit-attempt). */
export function submitWithKey(request: ApplicationSubmitRequest, retryDelayMs = 1000): Promise<ApplicationDetail> {
  return submitOnce('application', request, (key) => submitApplication(request, key), retryDelayMs);
}
