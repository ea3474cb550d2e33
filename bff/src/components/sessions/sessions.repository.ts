import type { SessionDocument, SessionModels } from './session.model';

export type NewSession = Omit<
  SessionDocument,
  'previousRefreshHash' | 'graceUntil' | 'sealedRefresh' | 'revokedAt' | 'revokeReason'
>;

export interface Rotation {
  sessionId: string;
  fromHash: string;
  toHash: string;
  sealedRefresh: string;
  graceUntil: Date;
  now: Date;
}

export class SessionsRepository {
  constructor(private readonly models: SessionModels) {}

  async create(session: NewSession): Promise<void> {
    await this.models.Session.create({ ...session });
  }

  findById(sessionId: string): Promise<SessionDocument | null> {
    return this.models.Session.findById(sessionId).lean<SessionDocument>().exec();
  }

  /** Swaps the refresh hash only if it is still the one presented, so two racing refreshes rotate once. */
  async rotate(r: Rotation): Promise<boolean> {
    const result = await this.models.Session.updateOne(
      { _id: r.sessionId, refreshHash: r.fromHash, revokedAt: null, expiresAt: { $gt: r.now } },
      {
        $set: {
          refreshHash: r.toHash,
          previousRefreshHash: r.fromHash,
          graceUntil: r.graceUntil,
          sealedRefresh: r.sealedRefresh,
          lastSeenAt: r.now,
        },
      },
    );
    return result.modifiedCount === 1;
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<boolean> {
    const result = await this.models.Session.updateOne(
      { _id: sessionId, revokedAt: null },
      { $set: { revokedAt: now, revokeReason: reason, sealedRefresh: null } },
    );
    return result.modifiedCount === 1;
  }

  /** Live sessions of a user: not revoked and not expired, most recently used first. */
  listActive(userId: string, now: Date): Promise<SessionDocument[]> {
    return this.models.Session.find({ userId, revokedAt: null, expiresAt: { $gt: now } })
      .sort({ lastSeenAt: -1 })
      .limit(50)
      .lean<SessionDocument[]>()
      .exec();
  }

  async touch(sessionId: string, now: Date): Promise<void> {
    await this.models.Session.updateOne({ _id: sessionId }, { $set: { lastSeenAt: now } });
  }
}
