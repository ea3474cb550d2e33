import type { FamilyProof } from '@suijing/shared';
import type { LicenceOnFile } from '../../upstreams/identity/identity.mapping';

/** Members of a household whose 户主 (or the 户主's spouse) is their guardian in the register's eyes. */
const CHILD_OF_HEAD = new Set(['son', 'daughter']);
const HEAD_OR_SPOUSE = new Set(['head', 'spouse']);

const sameId = (a: string | undefined, b: string): boolean => a !== undefined && a.toUpperCase() === b.toUpperCase();

/**
 * Whether the e-licence store proves the actor is the child's guardian, and how:
 * the child's 出生医学证明 names the actor as mother or father; or the actor's and
 * the child's 户口簿 share one 户号, the actor 户主 or 配偶 and the child 子 or 女.
 * Only valid (usable) licences count. Null when neither proves it.
 */
export function guardianshipProof(
  actorIdNumber: string,
  childLicences: readonly LicenceOnFile[],
  actorLicences: readonly LicenceOnFile[],
): Extract<FamilyProof, 'birth-certificate' | 'household'> | null {
  const usable = (licences: readonly LicenceOnFile[]) => licences.filter((licence) => licence.usable);
  const named = usable(childLicences).some(
    ({ birthCertificate: parents }) =>
      parents !== undefined &&
      (sameId(parents.motherIdNumber, actorIdNumber) || sameId(parents.fatherIdNumber, actorIdNumber)),
  );
  if (named) return 'birth-certificate';
  const childHouseholds = usable(childLicences).flatMap(({ household }) =>
    household && CHILD_OF_HEAD.has(household.relationToHead) ? [household.householdNo] : [],
  );
  const actorHouseholds = usable(actorLicences).flatMap(({ household }) =>
    household && HEAD_OR_SPOUSE.has(household.relationToHead) ? [household.householdNo] : [],
  );
  return childHouseholds.some((no) => actorHouseholds.includes(no)) ? 'household' : null;
}
