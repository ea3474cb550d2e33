import type { Draft, FamilyMember, IdentityStatus, ItemGuide, Licence } from '@suijing/shared';
import { ApiError } from '@/services/api-error';
import { fetchItemGuide } from '@/services/catalog';
import { fetchDraft } from '@/services/drafts';
import { fetchMember } from '@/services/family';
import { listLicences } from '@/services/licences';
import { verifiedIdentity } from '../../services/verified-identity';

/** What the item form starts from. */
export interface FormPageData {
  item: ItemGuide;
  draft: Draft | null;
  identity: IdentityStatus;
  licences: Licence[];
  /** The family member the form is filed for (代办); null: for myself. */
  member: FamilyMember | null;
}

/** The member acted for, while I still may (the BFF checks again on submission). */
async function actingFor(memberId: string): Promise<FamilyMember> {
  const member = await fetchMember(memberId);
  if (!member) throw new ApiError({ status: 404, code: 'FAMILY_MEMBER_NOT_FOUND', message: '未找到该家人' });
  if (member.status !== 'active') {
    throw new ApiError({
      status: 403,
      code: 'FAMILY_AUTHORITY_ENDED',
      message: '您已不能代该家人办理（授权已结束或尚未确认），请返回“我的家人”查看',
    });
  }
  return member;
}

export async function loadFormPage(code: string, memberId = ''): Promise<FormPageData> {
  const item: ItemGuide = (await fetchItemGuide(code)).item;
  const identity = await verifiedIdentity();
  const [draft, licences, member] = await Promise.all([
    fetchDraft(code, memberId || undefined),
    // Mine only: for a member the BFF takes their e-licences itself, so the form offers uploads.
    memberId
      ? Promise.resolve([])
      : listLicences().then(
          // Optional: without the list the citizen uploads instead.
          (answer) => answer.items,
          () => [],
        ),
    memberId ? actingFor(memberId) : Promise.resolve(null),
  ]);
  return { item, draft, identity, licences, member };
}
