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

  /**
   * Saves the draft and answers it with its next revision, in one operation (an upsert that
   * counts the revision up): a draft save is written as the citizen types, so it is the most
   * frequent write of all.
   */
  async save(
    draft: {
      userId: string;
      itemCode: string;
      itemName: string;
      memberId?: string;
      formVersion: string;
      data: FormData;
    },
    now: Date,
  ): Promise<DraftDocument> {
    const _id = idOf(draft.userId, draft.itemCode, draft.memberId);
    const saved = await upsertRacing(() =>
      this.models.Draft.findOneAndUpdate(
        { _id },
        { $set: { ...draft, updatedAt: now }, $inc: { revision: 1 } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean<DraftDocument>()
        .exec(),
    );
    if (!saved) throw new Error(`draft ${_id} not answered by its upsert`);
    return saved;
  }

  async remove(userId: string, itemCode: string, memberId?: string): Promise<void> {
    await this.models.Draft.deleteOne({ _id: idOf(userId, itemCode, memberId) });
  }
}
