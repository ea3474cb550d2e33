/** Why a live check (实人) did not pass, in our words: each system's codes map onto these. */
export type InPersonFailureReason =
  'no-face' | 'not-same-person' | 'liveness' | 'timeout' | 'cancelled' | 'expired' | 'other';

/**
 * The outcome of a live check, whichever platform ran it (WeChat's face
 * verification, the 网证 platform). `checkedAt` of a pass is the time the
 * platform reports (or, when it reports none, when we read the pass).
 * Codes nobody documented are 'other' ("失败，请重试"), never 'expired'.
 */
export type InPersonOutcome =
  { kind: 'passed'; checkedAt: Date } | { kind: 'pending' } | { kind: 'failed'; reason: InPersonFailureReason };
