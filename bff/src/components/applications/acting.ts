import { FAMILY_MINOR_UNDER_AGE, FAMILY_RELATION_TEXT, maskName, type ItemGuide } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import { ageOn } from '../appointments/green-channel';
import type { FamilyMemberSubject } from '../family/family-authority';
import type { CaseActing } from './application.model';

/**
 * 代办: filing for a family member. The guide says whether the item allows
 * it (onBehalf); the member's age on the filing day says whether the one
 * acting does so as guardian (under 16) or as an authorised relative.
 */

/** Whether the one acting is the member's guardian on this day (yyyyMMdd): proven guardian of someone under 16. */
export function actsAsGuardian(member: Pick<FamilyMemberSubject, 'idNumber' | 'guardian'>, day: string): boolean {
  return member.guardian && ageOn(member.idNumber, day) < FAMILY_MINOR_UNDER_AGE;
}

/**
 * Throws 403 ON_BEHALF_NOT_ALLOWED unless the item may be filed for this
 * member: 'none' never, 'minors' only by the guardian of a child under 16,
 * 'family' by the guardian or an authorised relative.
 */
export function demandOnBehalfAllowed(
  item: Pick<ItemGuide, 'onBehalf'>,
  member: Pick<FamilyMemberSubject, 'idNumber' | 'guardian'>,
  day: string,
): void {
  if (item.onBehalf === 'none') throw new AppError({ code: 'ON_BEHALF_NOT_ALLOWED' });
  if (item.onBehalf === 'minors' && !actsAsGuardian(member, day)) {
    throw new AppError({
      code: 'ON_BEHALF_NOT_ALLOWED',
      message: '该事项仅可由监护人为未满 16 周岁的未成年人代为申请，成年家人请本人申请',
    });
  }
}

/** How the approval system is told the applicant stands to the 当事人. */
export function subjectRelation(
  member: Pick<FamilyMemberSubject, 'idNumber' | 'guardian'>,
  day: string,
): 'guardian' | 'relative' {
  return actsAsGuardian(member, day) ? 'guardian' : 'relative';
}

/** How the case's views name 当事人 and 代办人, masked. */
export function caseActing(actorName: string, member: Pick<FamilyMemberSubject, 'name' | 'relation'>): CaseActing {
  return {
    subjectNameMasked: maskName(member.name),
    relationText: FAMILY_RELATION_TEXT[member.relation],
    actorNameMasked: maskName(actorName),
  };
}
