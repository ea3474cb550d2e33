import type {
  ApplicationDetail,
  DowngradeRequest,
  ELicenceCard,
  LicenceAnswer,
  MortgageReleaseRequest,
  VehicleAnswer,
  VehicleList,
  ViolationList,
  ViolationListQuery,
} from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 车驾管: my vehicles, my driving licence, violations, the electronic licence
 * card and the two applications filed from them. Not `/licences`: that is
 * the 电子证照 list of services/licences.ts.
 */

const vehiclePath = (id: string): string => `/api/v1/vehicles/${encodeURIComponent(id)}`;

export function listVehicles(): Promise<VehicleList> {
  return apiRequest<VehicleList>({ path: '/api/v1/vehicles' });
}

export function fetchVehicle(id: string): Promise<VehicleAnswer> {
  return apiRequest<VehicleAnswer>({ path: vehiclePath(id) });
}

/** Answers 404 DRIVING_LICENCE_NOT_FOUND when the person holds no licence. */
export function fetchDrivingLicence(): Promise<LicenceAnswer> {
  return apiRequest<LicenceAnswer>({ path: '/api/v1/licence' });
}

export function violationsPath(query: ViolationListQuery): string {
  return `/api/v1/violations?status=${query.status}&kind=${query.kind}`;
}

export function listViolations(query: ViolationListQuery): Promise<ViolationList> {
  return apiRequest<ViolationList>({ path: violationsPath(query) });
}

/** The card with a fresh signed QR payload; fetched again every `qr.refreshAfterSeconds`. */
export function fetchELicenceCard(): Promise<ELicenceCard> {
  return apiRequest<ELicenceCard>({ path: '/api/v1/licence/e-card' });
}

/**
 * 自愿降级: files a case in 我的办件. The same `idempotencyKey` for retries of
 * one attempt: the BFF answers a repeat with the case it already created.
 */
export function submitDowngrade(request: DowngradeRequest, idempotencyKey: string): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>({
    method: 'POST',
    path: '/api/v1/licence/downgrade',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** 解除抵押 of one of my vehicles; idempotent like submitDowngrade. */
export function submitMortgageRelease(
  vehicleId: string,
  request: MortgageReleaseRequest,
  idempotencyKey: string,
): Promise<ApplicationDetail> {
  return apiRequest<ApplicationDetail>({
    method: 'POST',
    path: `${vehiclePath(vehicleId)}/mortgage-release`,
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}
