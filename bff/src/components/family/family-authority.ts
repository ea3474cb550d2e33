/**
 * The port other components (applications, appointments, wallet) use to act for a family member.
 * Every call reads the link from MongoDB: a removal or withdrawal ends authority at once on every instance.
 */

/** What the acting is for; kept for the usage record and future per-purpose scopes. */
export type FamilyPurpose = 'act' | 'cases' | 'certs' | 'book';

export type FamilyMemberKind = 'minor' | 'adult';

export type FamilyRelation = 'son' | 'daughter' | 'ward' | 'parent' | 'spouse' | 'child' | 'sibling' | 'other';

/** The member as the actor may use them: their register identity, unsealed for this call only. */
export interface FamilyMemberSubject {
  memberId: string;
  name: string;
  idNumber: string;
  idHash: string;
  /** yyyy-MM-dd, from the ID number. */
  birthDate: string;
  kind: FamilyMemberKind;
  relation: FamilyRelation;
  /** True when the actor is the member's guardian (a minor proven by 出生医学证明 or 户口簿). */
  guardian: boolean;
}

export interface FamilyAuthority {
  /**
   * The actor's active member: 404 FAMILY_MEMBER_NOT_FOUND for an unknown id or another actor's,
   * 403 FAMILY_AUTHORITY_ENDED when the link is no longer active.
   */
  memberFor(actorUserId: string, memberId: string, purpose: FamilyPurpose): Promise<FamilyMemberSubject>;
}
