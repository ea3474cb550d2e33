import type {
  ComplaintDetail,
  ComplaintList,
  ComplaintRatingRequest,
  ComplaintRequest,
  HotTopicList,
  Rating,
  RatingRequest,
} from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 好差评 of a finished case, complaints and suggestions through the 12345
 * loop (接 答 派 办 评), and the public 民声热点榜.
 */

export type HotTopicStatus = 'listed' | 'monitored' | 'delisted' | 'all';

export const ratingPath = (caseNo: string): string => `/api/v1/applications/${encodeURIComponent(caseNo)}/rating`;

const complaintPath = (id: string): string => `/api/v1/complaints/${encodeURIComponent(id)}`;

/** The case's rating; 404 RATING_NOT_FOUND while it has none. */
export function fetchRating(caseNo: string): Promise<Rating> {
  return apiRequest<Rating>({ path: ratingPath(caseNo) });
}

/**
 * 一事一评: no Idempotency-Key, because a repeat is answered with 409
 * ALREADY_RATED and the page then shows the rating that was saved.
 */
export function submitRating(caseNo: string, request: RatingRequest): Promise<Rating> {
  return apiRequest<Rating>({ method: 'POST', path: ratingPath(caseNo), data: { ...request } });
}

export function listComplaints(): Promise<ComplaintList> {
  return apiRequest<ComplaintList>({ path: '/api/v1/complaints' });
}

export function fetchComplaint(id: string): Promise<ComplaintDetail> {
  return apiRequest<ComplaintDetail>({ path: complaintPath(id) });
}

/**
 * Files a complaint or suggestion. The same `idempotencyKey` for retries of
 * one attempt: the BFF answers a repeat with the ticket it already created.
 */
export function submitComplaint(request: ComplaintRequest, idempotencyKey: string): Promise<ComplaintDetail> {
  return apiRequest<ComplaintDetail>({
    method: 'POST',
    path: '/api/v1/complaints',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** 评: the citizen's verdict once the complaint was handled; answers with the updated ticket. */
export function rateComplaint(id: string, request: ComplaintRatingRequest): Promise<ComplaintDetail> {
  return apiRequest<ComplaintDetail>({ method: 'POST', path: `${complaintPath(id)}/rating`, data: { ...request } });
}

export function hotTopicsPath(status: HotTopicStatus): string {
  return `/api/v1/hot-topics?status=${status}`;
}

/**
 * Public, so sent without a token (auth: false): an expired session must
 * never turn the board into a login prompt.
 */
export function listHotTopics(status: HotTopicStatus): Promise<HotTopicList> {
  return apiRequest<HotTopicList>({ path: hotTopicsPath(status), auth: false });
}
