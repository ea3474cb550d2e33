import type { ApplicationDetail, DowngradeRequest, MortgageReleaseRequest } from '@suijing/shared';
import { submitDowngrade, submitMortgageRelease } from '@/services/traffic';
import { describeSubmitFailure, submitOnce, type SubmitFailure } from '@/utils/submit-attempt';

/** 自愿降级, with the attempt's Idempotency-Key (reused on every retry of the same request). */
export function applyDowngrade(request: DowngradeRequest, retryDelayMs = 1000): Promise<ApplicationDetail> {
  return submitOnce('downgrade', request, (key) => submitDowngrade(request, key), retryDelayMs);
}

/** 解除抵押 of one vehicle; the vehicle is part of what makes the attempt the same. */
export function applyMortgageRelease(
  vehicleId: string,
  request: MortgageReleaseRequest,
  retryDelayMs = 1000,
): Promise<ApplicationDetail> {
  return submitOnce(
    'mortgageRelease',
    { vehicleId, request },
    (key) => submitMortgageRelease(vehicleId, request, key),
    retryDelayMs,
  );
}

/**
 * What a failed 车驾管 submission means for the form. DOWNGRADE_NOT_ALLOWED
 * and MORTGAGE_RELEASE_NOT_READY are answers with their own message; a
 * network or server failure may be retried with the same key, so say so.
 */
export function describeSubmitError(error: unknown): SubmitFailure {
  return describeSubmitFailure(error, '可再次提交，不会重复生成办件');
}
