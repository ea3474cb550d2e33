import type { ApplicationModels } from '../applications/application.model';
import type { DraftModels } from '../drafts/draft.model';
import type { FavoriteModels } from '../favorites/favorite.model';
import type { IdentityCheckModels } from '../identity/identity-check.model';
import type { MaterialModels } from '../materials/material.model';
import type { MessageModels } from '../messages/message.model';
import type { PackageApplicationModels } from '../package-applications/package-application.model';
import type { SessionModels } from '../sessions/session.model';
import { snapshotsOfPerson, type TrafficSnapshotModels } from '../traffic/traffic-snapshot.model';
import type { UserDocument, UserModels } from '../users/user.model';
import type { AccountDeletionModels } from './account-deletion.model';

/**
 * The owner a filed case keeps once its account is closed: no account has
 * this id (user ids are UUIDs), so no login reaches the case again, while the
 * case itself stays for the police system as the law requires.
 */
export const CLOSED_ACCOUNT_OWNER = 'closed-account';

export type ClosingModels = AccountDeletionModels &
  UserModels &
  SessionModels &
  DraftModels &
  FavoriteModels &
  MaterialModels &
  IdentityCheckModels &
  MessageModels &
  TrafficSnapshotModels &
  ApplicationModels &
  PackageApplicationModels;

export interface AccountClosingDeps {
  models: ClosingModels;
  /** Ends every session at once; devices learn ACCOUNT_CLOSED on their next request. */
  sessions: { endAllOf(userId: string, reason: 'account_closed'): Promise<number> };
  /** Releases the identity binding (and records it in the binding's history). */
  bindings: { releaseForClosedAccount(userId: string, now: Date): Promise<void> };
}

/**
 * 注销账号, the closing itself. Every step is keyed by the account and may
 * run again: a run that dies half-way is finished by the next one, because
 * the deletion document goes last.
 */
export class AccountClosing {
  constructor(private readonly deps: AccountClosingDeps) {}

  async close(deletion: { _id: string; idHash?: string | null | undefined }, now: Date): Promise<void> {
    const userId = deletion._id;
    const { models } = this.deps;
    const idHash = deletion.idHash ?? (await this.rememberIdHash(userId));

    await this.endSessions(userId, now);
    await models.LoginKey.deleteMany({ userId });
    await this.deps.bindings.releaseForClosedAccount(userId, now);
    // Filed cases stay (the police system and the law need them), apart from any account.
    const detached = { $set: { userId: CLOSED_ACCOUNT_OWNER, accountClosedAt: now } };
    await models.Application.updateMany({ userId }, detached);
    await models.PackageApplication.updateMany({ userId }, detached);
    await models.Draft.deleteMany({ userId });
    await models.Favorite.deleteMany({ userId });
    // Our references only: the files are the approval system's, filed with the cases.
    await models.Material.deleteMany({ userId });
    await models.IdentityCheck.deleteMany({ userId });
    await models.Message.deleteMany({ userId });
    if (idHash) await models.TrafficSnapshot.deleteMany(snapshotsOfPerson(idHash));
    await models.User.deleteOne({ _id: userId });
    await models.AccountDeletion.deleteOne({ _id: userId });
  }

  /** Keeps the person's ID hash on the deletion, so a rerun after the user document went still finds their snapshots. */
  private async rememberIdHash(userId: string): Promise<string | null> {
    const user = await this.deps.models.User.findById(userId, { realName: 1 }).lean<Pick<UserDocument, 'realName'>>();
    const idHash = user?.realName?.idHash ?? null;
    if (idHash) await this.deps.models.AccountDeletion.updateOne({ _id: userId }, { $set: { idHash } });
    return idHash;
  }

  /**
   * Ends the sessions with the reason the devices are told, then strips them:
   * refresh rotations (sealed tokens) and WeChat session keys go now, the
   * revoked sessions themselves with their TTL a week later.
   */
  private async endSessions(userId: string, now: Date): Promise<void> {
    const { models } = this.deps;
    await this.deps.sessions.endAllOf(userId, 'account_closed');
    const sessions = await models.Session.find({ userId }, { _id: 1 }).lean<{ _id: string }[]>();
    if (sessions.length > 0) {
      await models.RefreshRotation.deleteMany({ sessionId: { $in: sessions.map((s) => s._id) } });
    }
    await models.Session.updateMany({ userId }, { $set: { wechatSessionKey: null } });
    await models.Session.updateMany({ userId, expiresAt: { $gt: now } }, { $set: { expiresAt: now } });
  }
}
