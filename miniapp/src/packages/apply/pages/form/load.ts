import type { Draft, IdentityStatus, ItemGuide, Licence } from '@suijing/shared';
import { fetchItemGuide } from '@/services/catalog';
import { fetchDraft } from '@/services/drafts';
import { listLicences } from '@/services/licences';
import { verifiedIdentity } from '../../services/verified-identity';

/** What the item form starts from. */
export interface FormPageData {
  item: ItemGuide;
  draft: Draft | null;
  identity: IdentityStatus;
  licences: Licence[];
}

export async function loadFormPage(code: string): Promise<FormPageData> {
  const item: ItemGuide = (await fetchItemGuide(code)).item;
  const identity = await verifiedIdentity();
  const [draft, licences] = await Promise.all([
    fetchDraft(code),
    // Optional: without the list the citizen uploads instead.
    listLicences().then(
      (answer) => answer.items,
      () => [],
    ),
  ]);
  return { item, draft, identity, licences };
}
