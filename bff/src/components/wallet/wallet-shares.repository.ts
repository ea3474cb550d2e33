import { SHARE_RETENTION_DAYS, type WalletShareDocument, type WalletShareModels } from './wallet-share.model';

/** The most shares one list shows (a day-long link a day for half a year is fewer). */
const LIST_LIMIT = 200;

/** Every MongoDB access of 出示 links; a holder only ever reaches their own through userId. */
export class WalletSharesRepository {
  constructor(private readonly models: WalletShareModels) {}

  async add(share: WalletShareDocument): Promise<void> {
    await this.models.WalletShare.create(share);
  }

  /** A holder's links still within retention, newest first. */
  listByUser(userId: string, now: Date, limit: number = LIST_LIMIT): Promise<WalletShareDocument[]> {
    return this.models.WalletShare.find({ userId, expiresAt: { $gt: retainedSince(now) } })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<WalletShareDocument[]>()
      .exec();
  }

  findOwn(userId: string, shareId: string, now: Date): Promise<WalletShareDocument | null> {
    return this.models.WalletShare.findOne({ _id: shareId, userId, expiresAt: { $gt: retainedSince(now) } })
      .lean<WalletShareDocument>()
      .exec();
  }

  findByTokenHash(tokenHash: string): Promise<WalletShareDocument | null> {
    return this.models.WalletShare.findOne({ tokenHash }).lean<WalletShareDocument>().exec();
  }

  /** Ends a link; a second revoke keeps the first time. */
  async revoke(userId: string, shareId: string, at: Date): Promise<void> {
    await this.models.WalletShare.updateOne({ _id: shareId, userId, revokedAt: null }, { $set: { revokedAt: at } });
  }

  async addUse(shareId: string, use: { at: Date; verifierSealed: string }): Promise<void> {
    await this.models.WalletShare.updateOne({ _id: shareId }, { $push: { uses: use } });
  }
}

function retainedSince(now: Date): Date {
  return new Date(now.getTime() - SHARE_RETENTION_DAYS * 86_400_000);
}
