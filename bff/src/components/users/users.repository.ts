import { randomUUID } from 'node:crypto';
import { upsertRacing } from '../../libraries/database';
import type { UserDocument, UserModels } from './user.model';

export type LoginIdentity =
  { kind: 'phone'; phone: string } | { kind: 'wechat'; openid: string; unionid: string | null };

function loginKeyOf(identity: LoginIdentity): string {
  return identity.kind === 'phone' ? `phone:${identity.phone}` : `wechat:${identity.openid}`;
}

export class UsersRepository {
  constructor(private readonly models: UserModels) {}

  /**
   * The user behind a login identity, created on first login; safe under
   * concurrent first logins. `knownUserId`, the account the identity was
   * found to have a moment ago, is read directly (one round trip, not two).
   */
  async findOrCreate(identity: LoginIdentity, now: Date, knownUserId: string | null = null): Promise<UserDocument> {
    const known = knownUserId ? await this.findById(knownUserId) : null;
    if (known) return known;
    const userId = await this.userIdFor(identity, now);
    const profile =
      identity.kind === 'phone'
        ? { phone: identity.phone }
        : { openid: identity.openid, ...(identity.unionid ? { unionid: identity.unionid } : {}) };
    const user = await upsertRacing(() =>
      this.models.User.findOneAndUpdate(
        { _id: userId },
        { $setOnInsert: { ...profile, realNameStatus: 'unverified', createdAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean<UserDocument>()
        .exec(),
    );
    if (!user) throw new Error('user upsert returned nothing');
    return user;
  }

  /** Binds a verified identity; only an unverified user, or the same identity again, is changed. */
  async setRealName(userId: string, realName: NonNullable<UserDocument['realName']>): Promise<UserDocument | null> {
    return this.models.User.findOneAndUpdate(
      { _id: userId, $or: [{ realNameStatus: 'unverified' }, { 'realName.idHash': realName.idHash }] },
      { $set: { realNameStatus: 'verified', realName } },
      { returnDocument: 'after' },
    ).lean<UserDocument>();
  }

  /** Takes the verified identity off an account (moved to another, or unbound); only if it is still that person. */
  async clearRealName(userId: string, idHash: string): Promise<void> {
    await this.models.User.updateOne(
      { _id: userId, 'realName.idHash': idHash },
      { $set: { realNameStatus: 'unverified' }, $unset: { realName: 1 } },
    );
  }

  /**
   * Links a WeChat openid to an account (an SMS user's face check needs one);
   * false when that WeChat already belongs to another account.
   */
  async linkOpenid(userId: string, openid: string, unionid: string | null, now: Date): Promise<boolean> {
    const key = await upsertRacing(() =>
      this.models.LoginKey.findOneAndUpdate(
        { _id: `wechat:${openid}` },
        { $setOnInsert: { userId, createdAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean<{ userId: string }>()
        .exec(),
    );
    if (key?.userId !== userId) return false;
    await this.models.User.updateOne({ _id: userId }, { $set: { openid, ...(unionid ? { unionid } : {}) } });
    return true;
  }

  /** Verified accounts without a binding, a page at a time (those verified before bindings existed). */
  listUnbound(afterId: string, limit: number): Promise<UserDocument[]> {
    return this.models.User.find({ realNameStatus: 'verified', 'realName.bound': { $ne: true }, _id: { $gt: afterId } })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<UserDocument[]>()
      .exec();
  }

  async markBound(userId: string, idHash: string): Promise<void> {
    await this.models.User.updateOne({ _id: userId, 'realName.idHash': idHash }, { $set: { 'realName.bound': true } });
  }

  /** The account a login identity has, without making one. */
  async userIdOf(identity: LoginIdentity): Promise<string | null> {
    const row = await this.models.LoginKey.findById(loginKeyOf(identity)).lean<{ userId: string }>().exec();
    return row?.userId ?? null;
  }

  findById(userId: string): Promise<UserDocument | null> {
    return this.models.User.findById(userId).lean<UserDocument>().exec();
  }

  private async userIdFor(identity: LoginIdentity, now: Date): Promise<string> {
    const key = loginKeyOf(identity);
    // Two first logins racing on the same key: the loser's retry reads the winner's row.
    const row = await upsertRacing(() =>
      this.models.LoginKey.findOneAndUpdate(
        { _id: key },
        { $setOnInsert: { userId: randomUUID(), createdAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean<{ userId: string }>()
        .exec(),
    );
    if (!row) throw new Error(`could not resolve login key ${key.split(':')[0]}`);
    return row.userId;
  }
}
