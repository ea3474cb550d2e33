import type { ComplaintDetail, ComplaintRequest } from '@suijing/shared';
import { ApiError, messageOf } from '@/services/api-error';
import { stepUpOf, type StepUp } from '@/utils/assurance';
import { submitComplaint } from '@/services/feedback';
import { storedAttempt, submitWithAttempt } from '@/utils/submit-attempt';

/** Its own stored attempt, so a complaint never shares a key with another form. */
const complaintAttempt = storedAttempt('suijing.complaintAttempt');

/** Files a complaint with the attempt's Idempotency-Key (reused on every retry of the same request). */
export function fileComplaint(request: ComplaintRequest, retryDelayMs = 1000): Promise<ComplaintDetail> {
  return submitWithAttempt(complaintAttempt, request, (key) => submitComplaint(request, key), retryDelayMs);
}

export interface SubmitFailure {
  /** The BFF wants a step first (实名, or 本人认证): go there rather than show an error. */
  stepUp: StepUp | null;
  /** Field messages the BFF found, by field path (`comment`, `aspects.efficiency`). */
  fields: Record<string, string>;
  /** The sentence under 提交, or null when nothing more needs saying. */
  message: string | null;
}

/**
 * What a failed feedback submission means for its form. Refusals
 * (RATING_NOT_ALLOWED, ALREADY_RATED, COMPLAINT_STATE_CONFLICT) carry their
 * own message; a network or server failure may be sent again, so say so.
 */
export function describeSubmitError(error: unknown, retryNote = '可再次提交'): SubmitFailure {
  const stepUp = stepUpOf(error);
  if (stepUp) return { stepUp, fields: {}, message: null };
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    const fields = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
    return { stepUp: null, fields, message: '有信息需要修改，请查看标红的项目' };
  }
  const retryable = !(error instanceof ApiError) || error.code === 'NETWORK_ERROR' || error.status >= 500;
  return {
    stepUp: null,
    fields: {},
    message: retryable ? `${messageOf(error)}（${retryNote}）` : messageOf(error),
  };
}
