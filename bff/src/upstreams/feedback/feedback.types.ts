import type { ComplaintRequest, RatingRequest } from '@suijing/shared';

/** What the feedback adapter takes, and the refusals it answers, in our words. */

export interface RatingSubmission {
  /** Our number for the rating: the platform rates once per number. */
  requestNo: string;
  caseNo: string;
  idNumber: string;
  rating: RatingRequest;
}

export interface ComplaintSubmission {
  /** Our number for the request: the platform files it once per number. */
  requestNo: string;
  kind: ComplaintRequest['kind'];
  category: string;
  title: string;
  content: string;
  /** The stored files' ids. */
  photos: string[];
  idNumber: string;
  name: string;
  phone: string;
  caseNo?: string;
}

/** Why a rating of a case was refused. */
export type RatingRefusalReason = 'already-rated' | 'comment-required' | 'not-finished' | 'not-applicant';

/** Why a rating of a complaint's handling was refused. */
export type ComplaintRatingRefusalReason = 'not-found' | 'cannot-rate';

export interface FeedbackRefusal<Reason extends string> {
  ok: false;
  reason: Reason;
}
