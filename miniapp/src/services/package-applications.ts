import type { PackageApplication, PackageApplicationRequest, PackageForm } from '@suijing/shared';
import { apiRequest } from './api-client';

/** 一件事 在线办理: the combined form, one submission for every online member, and a retry of the failed ones. */

export function fetchPackageForm(code: string): Promise<PackageForm> {
  return apiRequest<PackageForm>({ path: `/api/v1/packages/${encodeURIComponent(code)}/form`, auth: false });
}

/** The same `idempotencyKey` for retries of one attempt: the BFF answers a repeat with what it already filed. */
export function submitPackageApplication(
  code: string,
  request: PackageApplicationRequest,
  idempotencyKey: string,
): Promise<PackageApplication> {
  return apiRequest<PackageApplication>({
    method: 'POST',
    path: `/api/v1/packages/${encodeURIComponent(code)}/applications`,
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Files again only the members that failed. */
export function retryPackageApplication(packageCaseNo: string): Promise<PackageApplication> {
  return apiRequest<PackageApplication>({
    method: 'POST',
    path: `/api/v1/package-applications/${encodeURIComponent(packageCaseNo)}/retry`,
  });
}
