import type { ApplicationDetail, DowngradeRequest, MortgageReleaseRequest } from '@suijing/shared';
import { ApiError, messageOf } from '@/services/api-error';
import { stepUpOf, type StepUp } from '@/utils/assurance';
import { submitDowngrade, submitMortgageRelease } from '@/services/traffic';
import { storedAttempt, submitWithAttempt } from '@/utils/submit-attempt';

/** One stored attempt per kind of application, so the two forms never share a key. */
const downgradeAttempt = storedAttempt('suijing.downgradeAttempt');
const mortgageReleaseAttempt = storedAttempt('suijing.mortgageReleaseAttempt');

/** 自愿降级, with the attempt's Idempotency-Key (reused on every retry of the same request). */
export function applyDowngrade(request: DowngradeRequest, retryDelayMs = 1000): Promise<ApplicationDetail> {
  return submitWithAttempt(downgradeAttempt, request, (key) => submitDowngrade(request, key), retryDelayMs);
}

/** 解除抵押 of one vehicle; the vehicle is part of what makes the attempt the same. */
export function applyMortgageRelease(
  vehicleId: string,
  request: MortgageReleaseRequest,
  retryDelayMs = 1000,
): Promise<ApplicationDetail> {
  return submitWithAttempt(
    mortgageReleaseAttempt,
    { vehicleId, request },
    (key) => submitMortgageRelease(vehicleId, request, key),
    retryDelayMs,
  );
}

export interface SubmitFailure {
  /** The BFF wants a step first (实名, or 本人认证): go there rather than show an error. */
  stepUp: StepUp | null;
  /** Field messages the BFF found, by field key. */
  fields: Record<string, string>;
  /** The sentence under 提交, or null when the fields say it all. */
  message: string | null;
}

/**
 * What a failed 车驾管 submission means for the form. DOWNGRADE_NOT_ALLOWED
 * and MORTGAGE_RELEASE_NOT_READY are answers with their own message; a
 * network or server failure may be retried with the same key, so say so.
 */
export function describeSubmitError(error: unknown): SubmitFailure {
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
    message: retryable ? `${messageOf(error)}（可再次提交，不会重复生成办件）` : messageOf(error),
  };
}
