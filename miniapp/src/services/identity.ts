import type { IdentityStatus, IdentityVerifyRequest } from '@suijing/shared';
import { apiRequest } from './api-client';

/** Real-name verification (实名认证): the status, masked, and the check against the population register. */

export function fetchIdentity(): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ path: '/api/v1/identity' });
}

export function verifyIdentity(request: IdentityVerifyRequest): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ method: 'POST', path: '/api/v1/identity/verify', data: { ...request } });
}
