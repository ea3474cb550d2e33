import type { FamilyAuthorisationList, FamilyInvitationList, FamilyList } from '@suijing/shared';
import { listAuthorisations, listFamily, listInvitations } from '@/services/family';

/** Everything 我的家人 shows: my members, invitations to me, and who may act for me. */
export interface FamilyOverview {
  family: FamilyList;
  invitations: FamilyInvitationList;
  authorisations: FamilyAuthorisationList;
}

export async function loadFamily(): Promise<FamilyOverview> {
  const [family, invitations, authorisations] = await Promise.all([
    listFamily(),
    listInvitations(),
    listAuthorisations(),
  ]);
  return { family, invitations, authorisations };
}
