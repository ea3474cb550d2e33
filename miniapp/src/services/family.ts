import type {
  AddAdultRequest,
  AddChildRequest,
  ApplicationList,
  FamilyAuthorisationList,
  FamilyInvitationList,
  FamilyList,
  FamilyMember,
  Wallet,
} from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 我的家人: the members I may act for, the invitations others sent me, and
 * who may act for me. Personal, so every call carries the token; names and
 * numbers come masked.
 */

const memberPath = (memberId: string): string => `/api/v1/family/members/${encodeURIComponent(memberId)}`;

export function listFamily(): Promise<FamilyList> {
  return apiRequest<FamilyList>({ path: '/api/v1/family' });
}

/** One of my members, from the list (there is no single-member route: the list is short). */
export async function fetchMember(memberId: string): Promise<FamilyMember | null> {
  const { members } = await listFamily();
  return members.find((member) => member.memberId === memberId) ?? null;
}

/** A child under 16, active at once when the register proves I am the guardian. Idempotent by key. */
export function addChild(request: AddChildRequest, idempotencyKey: string): Promise<FamilyMember> {
  return apiRequest<FamilyMember>({
    method: 'POST',
    path: '/api/v1/family/children',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** An adult: pending until they confirm (the SMS code, or in their own account). Idempotent by key. */
export function addAdult(request: AddAdultRequest, idempotencyKey: string): Promise<FamilyMember> {
  return apiRequest<FamilyMember>({
    method: 'POST',
    path: '/api/v1/family/adults',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The code the adult received by SMS, which makes the link active. */
export function confirmMember(memberId: string, code: string): Promise<FamilyMember> {
  return apiRequest<FamilyMember>({ method: 'POST', path: `${memberPath(memberId)}/confirm`, data: { code } });
}

/** Ends my authority for the member at once. */
export function removeMember(memberId: string): Promise<void> {
  return apiRequest<void>({ method: 'DELETE', path: memberPath(memberId) });
}

/** The member's cases I may see (filed by me, by them, or by another family member acting for them). */
export function listMemberCases(memberId: string): Promise<ApplicationList> {
  return apiRequest<ApplicationList>({ path: `${memberPath(memberId)}/cases` });
}

/** The member's certificates (证照夹 without their identity credential). */
export function fetchMemberWallet(memberId: string): Promise<Wallet> {
  return apiRequest<Wallet>({ path: `${memberPath(memberId)}/wallet` });
}

/** Invitations others sent me, asking to act for me. */
export function listInvitations(): Promise<FamilyInvitationList> {
  return apiRequest<FamilyInvitationList>({ path: '/api/v1/family/invitations' });
}

const invitationPath = (id: string): string => `/api/v1/family/invitations/${encodeURIComponent(id)}`;

/** Needs my own fresh 本人认证 (the BFF asks for it with 403 ASSURANCE_REQUIRED). */
export function acceptInvitation(invitationId: string): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: `${invitationPath(invitationId)}/accept` });
}

export function declineInvitation(invitationId: string): Promise<void> {
  return apiRequest<void>({ method: 'POST', path: `${invitationPath(invitationId)}/decline` });
}

/** Who may act for me now. */
export function listAuthorisations(): Promise<FamilyAuthorisationList> {
  return apiRequest<FamilyAuthorisationList>({ path: '/api/v1/family/authorisations' });
}

/** Ends someone's authority to act for me, at once. */
export function withdrawAuthorisation(authorisationId: string): Promise<void> {
  return apiRequest<void>({
    method: 'POST',
    path: `/api/v1/family/authorisations/${encodeURIComponent(authorisationId)}/withdraw`,
  });
}
