import {
  endorsementWindow,
  GUANGZHOU_REGION_PREFIX,
  maskIdNumber,
  permitStatus,
  residenceAnniversaries,
  resolveDistrict,
  wholeMonthsBetween,
  type PermitStatus,
  type ResidenceFacts,
  type ResidenceOverview,
  type ResidencePermit,
  type ResidencePermitFacts,
} from '@suijing/shared';
import type { ResidenceFile } from '../../upstreams/identity/identity.mapping';

/** Who looks at a residence file: its owner sees the addresses, a family member the district only. */
export type ResidenceViewer = 'owner' | 'family';

const STATUS_TEXT: Record<PermitStatus, string> = {
  valid: '有效',
  suspended: '中止（逾期未签注，签注后恢复）',
  expired: '已过期',
  replaced: '已作废（已补领或换领新证）',
};

/** 广东省广州市天河区 from a district code; undefined when the table lacks it. */
export function regionName(code: string): string | undefined {
  const found = resolveDistrict(code);
  return found ? `${found.province.name}${found.city.name}${found.district.name}` : undefined;
}

/** 天河区 (the district alone), for what a verifier or a family member may see. */
export function districtName(code: string): string | undefined {
  return resolveDistrict(code)?.district.name;
}

/**
 * The permit's status today by the shared rules; a permit the register has
 * voided (补领/换领 made a new one) stays replaced whatever its dates say.
 */
export function statusOf(permit: NonNullable<ResidenceFile['permit']>, today: string): PermitStatus {
  return permit.statusCode === 'void' ? 'replaced' : permitStatus(permit, today);
}

export function statusText(status: PermitStatus): string {
  return STATUS_TEXT[status];
}

/** The day the permit is in force until without another 签注: its first unendorsed anniversary, else its expiry. */
export function endorsedUntil(permit: ResidencePermitFacts): string {
  const endorsed = new Set(permit.endorsements.map((entry) => entry.anniversary));
  return residenceAnniversaries(permit).find((anniversary) => !endorsed.has(anniversary)) ?? permit.validUntil;
}

export function toPermitView(permit: NonNullable<ResidenceFile['permit']>, today: string): ResidencePermit {
  const status = statusOf(permit, today);
  const window = status === 'replaced' || status === 'expired' ? undefined : endorsementWindow(permit, today);
  return {
    numberMasked: maskIdNumber(permit.number),
    issuer: permit.issuer,
    issuedOn: permit.issuedOn,
    validUntil: permit.validUntil,
    status,
    statusText: statusText(status),
    endorsements: [...permit.endorsements].sort((a, b) => a.on.localeCompare(b.on)),
    endorsedUntil: endorsedUntil(permit),
    ...(window ? { endorsementWindow: window } : {}),
  };
}

export function toRegistrationsView(
  file: ResidenceFile,
  today: string,
  viewer: ResidenceViewer,
): ResidenceOverview['registrations'] {
  return [...file.registrations]
    .sort((a, b) => b.registeredOn.localeCompare(a.registeredOn))
    .map((entry) => {
      const district = districtName(entry.districtCode);
      return {
        address: viewer === 'owner' ? entry.address : (district ?? '已登记'),
        ...(district ? { districtName: district } : {}),
        registeredOn: entry.registeredOn,
        active: entry.active,
        monthsLived: entry.active ? wholeMonthsBetween(entry.registeredOn, today) : 0,
      };
    });
}

export function isLocalHukou(file: ResidenceFile): boolean {
  return file.hukouRegionCode.startsWith(GUANGZHOU_REGION_PREFIX);
}

/** The district of the active 居住登记 in Guangzhou (the newest when several). */
export function currentDistrict(file: ResidenceFile): string | undefined {
  const active = file.registrations
    .filter((entry) => entry.active && entry.districtCode.startsWith(GUANGZHOU_REGION_PREFIX))
    .sort((a, b) => b.registeredOn.localeCompare(a.registeredOn))[0];
  return active ? districtName(active.districtCode) : undefined;
}

/** The facts the shared rules take: a permit the register voided is no longer held. */
export function factsOf(file: ResidenceFile): ResidenceFacts {
  const { permit } = file;
  return {
    hukouRegionCode: file.hukouRegionCode,
    registrations: file.registrations,
    ...(permit && permit.statusCode !== 'void' ? { permit } : {}),
  };
}
