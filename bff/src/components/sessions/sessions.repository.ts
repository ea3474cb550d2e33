import { isDuplicateKey } from '../../libraries/database';
import type { RotationDocument, SessionDocument, SessionModels } from './session.model';

export type NewSession = Omit<SessionDocument, 'revokedAt' | 'revokeReason' | 'inPersonAt' | 'inPersonMethod'>;

export interface Rotation {
  sessionId: string;
  fromHash: string;
  sealedNext: string;
  graceUntil: Date;
}

const rotationId = (sessionId: string, fromHash: string) => `${sessionId}:${fromHash}`;

export class SessionsRepository {
  constructor(private readonly models: SessionModels) {}

  /** A lean insert (no mongoose document built on every login), so the schema's null defaults are written here. */
  async create(session: NewSession): Promise<void> {
    await this.models.Session.insertMany(
      [{ ...session, revokedAt: null, revokeReason: null, inPersonAt: null, inPersonMethod: null }],
      { lean: true },
    );
  }

  findById(sessionId: string): Promise<SessionDocument | null> {
    return this.models.Session.findById(sessionId).lean<SessionDocument>().exec();
  }

  /** Claims the one rotation away from a token; false when another request already did. */
  async claimRotation(r: Rotation): Promise<boolean> {
    try {
      await this.models.RefreshRotation.create({
        _id: rotationId(r.sessionId, r.fromHash),
        sessionId: r.sessionId,
        sealedNext: r.sealedNext,
        graceUntil: r.graceUntil,
        // Kept past the grace only so a late reuse is recognised; expiry is checked on read.
        expiresAt: new Date(r.graceUntil.getTime() + 86_400_000),
      });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async dropRotation(sessionId: string, fromHash: string): Promise<void> {
    await this.models.RefreshRotation.deleteOne({ _id: rotationId(sessionId, fromHash) });
  }

  findRotation(sessionId: string, fromHash: string): Promise<RotationDocument | null> {
    return this.models.RefreshRotation.findById(rotationId(sessionId, fromHash)).lean<RotationDocument>().exec();
  }

  /** Moves a live session from its current refresh token to the next; null when `fromHash` was not current. */
  rotate(sessionId: string, fromHash: string, refreshHash: string, now: Date): Promise<SessionDocument | null> {
    return this.models.Session.findOneAndUpdate(
      { _id: sessionId, refreshHash: fromHash, revokedAt: null, expiresAt: { $gt: now } },
      { $set: { refreshHash, lastSeenAt: now } },
      { returnDocument: 'after' },
    )
      .lean<SessionDocument>()
      .exec();
  }

  async revoke(sessionId: string, reason: string, now: Date): Promise<boolean> {
    const result = await this.models.Session.updateOne(
      { _id: sessionId, revokedAt: null },
      { $set: { revokedAt: now, revokeReason: reason } },
    );
    return result.modifiedCount === 1;
  }

  /** Ends every live session of a user at once (identity moved, unbound, account closed). */
  async revokeAllOf(userId: string, reason: string, now: Date): Promise<string[]> {
    const live = await this.models.Session.find({ userId, revokedAt: null }, { _id: 1 }).lean<{ _id: string }[]>();
    if (live.length === 0) return [];
    await this.models.Session.updateMany(
      { userId, revokedAt: null },
      { $set: { revokedAt: now, revokeReason: reason } },
    );
    return live.map((s) => s._id);
  }

  async markInPerson(sessionId: string, method: 'wechat-face' | 'ctid', at: Date): Promise<void> {
    await this.models.Session.updateOne({ _id: sessionId }, { $set: { inPersonAt: at, inPersonMethod: method } });
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
