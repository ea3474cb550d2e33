import type { FaceCheckStart, IdentityStatus, IdentityVerifyRequest } from '@suijing/shared';
import { apiRequest } from './api-client';

/** Real-name verification (实名认证): the status, masked, and the check against the population register. */

export function fetchIdentity(): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ path: '/api/v1/identity' });
}

export function verifyIdentity(request: IdentityVerifyRequest): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ method: 'POST', path: '/api/v1/identity/verify', data: { ...request } });
}

/** 刷脸认证, step 1: the BFF starts a face check for this name and ID number. */
export function startFaceCheck(request: IdentityVerifyRequest): Promise<FaceCheckStart> {
  return apiRequest<FaceCheckStart>({ method: 'POST', path: '/api/v1/identity/face/start', data: { ...request } });
}

/** 刷脸认证, step 2 (after the camera): the outcome; verified when the face check passed. */
export function finishFaceCheck(verifyId: string): Promise<IdentityStatus> {
  return apiRequest<IdentityStatus>({ method: 'POST', path: '/api/v1/identity/face/result', data: { verifyId } });
}
