import { upsertRacing } from '../../libraries/database';
import type { AccountDeletionDocument, AccountDeletionModels } from './account-deletion.model';

/** Pending 注销账号 requests, one per account; a run claims one with a lease and deletes it last. */
export class AccountDeletionsRepository {
  constructor(private readonly models: AccountDeletionModels) {}

  find(userId: string): Promise<AccountDeletionDocument | null> {
    return this.models.AccountDeletion.findById(userId).lean<AccountDeletionDocument>().exec();
  }

  /** Records the request unless one is there already; answers the one that holds. */
  scheduleOnce(userId: string, requestedAt: Date, scheduledFor: Date): Promise<AccountDeletionDocument | null> {
    return upsertRacing(() =>
      this.models.AccountDeletion.findOneAndUpdate(
        { _id: userId },
        { $setOnInsert: { requestedAt, scheduledFor, leaseUntil: null, idHash: null } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean<AccountDeletionDocument>()
        .exec(),
    );
  }

  /** Removes a request no run has claimed yet; false when there is none. */
  async cancelUnclaimed(userId: string): Promise<boolean> {
    const { deletedCount } = await this.models.AccountDeletion.deleteOne({ _id: userId, leaseUntil: null });
    return deletedCount > 0;
  }

  /** Claims the earliest request due at `now` that no live lease holds, until `leaseUntil`. */
  claimNextDue(now: Date, leaseUntil: Date): Promise<AccountDeletionDocument | null> {
    return this.models.AccountDeletion.findOneAndUpdate(
      { scheduledFor: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] },
      { $set: { leaseUntil } },
      { sort: { scheduledFor: 1 }, returnDocument: 'after' },
    )
      .lean<AccountDeletionDocument>()
      .exec();
  }

  async rememberIdHash(userId: string, idHash: string): Promise<void> {
    await this.models.AccountDeletion.updateOne({ _id: userId }, { $set: { idHash } });
  }

  async remove(userId: string): Promise<void> {
    await this.models.AccountDeletion.deleteOne({ _id: userId });
  }
}
