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

  /** The user behind a login identity, created on first login; safe under concurrent first logins. */
  async findOrCreate(identity: LoginIdentity, now: Date): Promise<UserDocument> {
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
