import type { ComplaintDetail, ComplaintRequest } from '@suijing/shared';
import { submitComplaint } from '@/services/feedback';
import { describeSubmitFailure, submitOnce, type SubmitFailure } from '@/utils/submit-attempt';

/** Files a complaint with the attempt's Idempotency-Key (reused on every retry of the same request). */
export function fileComplaint(request: ComplaintRequest, retryDelayMs = 1000): Promise<ComplaintDetail> {
  return submitOnce('complaint', request, (key) => submitComplaint(request, key), retryDelayMs);
}

/**
 * What a failed feedback submission means for its form. Refusals
 * (RATING_NOT_ALLOWED, ALREADY_RATED, COMPLAINT_STATE_CONFLICT) carry their
 * own message; a network or server failure may be sent again, so say so.
 */
export function describeSubmitError(error: unknown, retryNote = '可再次提交'): SubmitFailure {
  return describeSubmitFailure(error, retryNote);
}
