import type { FormData } from '@suijing/shared';
import { upsertRacing } from '../../libraries/database';
import type { DraftDocument, DraftModels } from './draft.model';

/** One draft per item for myself, and one per item for each family member I file it for. */
const idOf = (userId: string, itemCode: string, memberId?: string) =>
  memberId ? `${userId}:${itemCode}:${memberId}` : `${userId}:${itemCode}`;

/** Drafts in MongoDB; the last save wins (a draft is one person typing, at most on two devices). */
export class DraftsRepository {
  constructor(private readonly models: DraftModels) {}

  find(userId: string, itemCode: string, memberId?: string): Promise<DraftDocument | null> {
    return this.models.Draft.findById(idOf(userId, itemCode, memberId))
      .lean<DraftDocument>()
      .exec();
  }

  listByUser(userId: string): Promise<Array<Omit<DraftDocument, 'data'>>> {
    return this.models.Draft.find({ userId }, { data: 0 })
      .sort({ updatedAt: -1 })
      .limit(100)
      .lean<Array<Omit<DraftDocument, 'data'>>>()
      .exec();
  }

  async save(
    draft: {
      userId: string;
      itemCode: string;
      itemName: string;
      memberId?: string;
      formVersion: string;
      data: FormData;
    },
    revision: number,
    now: Date,
  ): Promise<DraftDocument> {
    const doc = { _id: idOf(draft.userId, draft.itemCode, draft.memberId), ...draft, revision, updatedAt: now };
    await upsertRacing(() => this.models.Draft.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec());
    return doc;
  }

  async remove(userId: string, itemCode: string, memberId?: string): Promise<void> {
    await this.models.Draft.deleteOne({ _id: idOf(userId, itemCode, memberId) });
  }
}
