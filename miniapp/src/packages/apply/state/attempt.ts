import { storedAttempt } from '@/utils/submit-attempt';

/** The Idempotency-Key of the current review-and-submit attempt (see utils/submit-attempt). */
export const submitAttempt = storedAttempt('suijing.submitAttempt');
