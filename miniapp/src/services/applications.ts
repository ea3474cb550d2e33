import type {
  ApplicationDetail,
  ApplicationList,
  ApplicationStatus,
  ApplicationSubmitRequest,
  ProgressLookupRequest,
  ProgressLookupResponse,
  SupplementRequest,
} from '@suijing/shared';
import { apiRequest } from './api-client';

/** 在线办理 and 我的办件: submit, list, follow, answer a supplement request, withdraw. */

const casePath = (caseNo: string): string => `/api/v1/applications/${encodeURIComponent(caseNo)}`;

/**
 * Submits an application. The same `idempotencyKey` for retries of one
 * attempt: the BFF answers a repeat with the case it already created.
 */
export function submitApplication(
  request: ApplicationSubmitRequest,
  idempotencyKey: string,
): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>({
    method: 'POST',
    path: '/api/v1/applications',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

export interface ApplicationListParams {
  /** One or several statuses (a tab such as 办理中 covers three). */
  statuses?: readonly ApplicationStatus[];
  page?: number;
  pageSize?: number;
}

export function applicationListPath(params: ApplicationListParams): string {
  const query: string[] = [];
  if (params.statuses?.length) query.push(`status=${params.statuses.join(',')}`);
  query.push(`page=${params.page ?? 1}`);
  query.push(`pageSize=${params.pageSize ?? 20}`);
  return `/api/v1/applications?${query.join('&')}`;
}

export function listApplications(params: ApplicationListParams): Promise<ApplicationList> {
  return apiRequest<ApplicationList>({ path: applicationListPath(params) });
}

export function fetchApplication(caseNo: string): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>({ path: casePath(caseNo) });
}

export function answerSupplement(caseNo: string, request: SupplementRequest): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>({
    method: 'POST',
    path: `${casePath(caseNo)}/supplements`,
    data: { ...request },
  });
}

export function withdrawApplication(caseNo: string, reason: string): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>({ method: 'POST', path: `${casePath(caseNo)}/withdraw`, data: { reason } });
}

/** 办件进度查询 for someone acting on another's behalf: no login, nothing personal in the answer. */
export function lookupProgress(request: ProgressLookupRequest): Promise<ProgressLookupResponse> {
  return apiRequest<ProgressLookupResponse>({
    method: 'POST',
    path: '/api/v1/progress/lookup',
    data: { ...request },
    auth: false,
  });
}
