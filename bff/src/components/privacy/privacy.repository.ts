import type { AddressModels } from '../addresses/address.model';
import type { ApplicationDocument, ApplicationModels } from '../applications/application.model';
import type { DraftDocument, DraftModels } from '../drafts/draft.model';
import type { FamilyLinkDocument, FamilyLinkModels } from '../family/family-link.model';
import type { FavoriteDocument, FavoriteModels } from '../favorites/favorite.model';
import type { IdentityCheckModels } from '../identity/identity-check.model';
import type { MaterialDocument, MaterialModels } from '../materials/material.model';
import type { MessageDocument, MessageModels } from '../messages/message.model';
import type {
  PackageApplicationDocument,
  PackageApplicationModels,
} from '../package-applications/package-application.model';
import type { PaymentModels, PaymentOrderDocument } from '../payments/payment-order.model';
import type { SessionDocument, SessionModels } from '../sessions/session.model';
import { snapshotsOfPerson, type TrafficSnapshotModels } from '../traffic/traffic-snapshot.model';
import type { UserDocument, UserModels } from '../users/user.model';
import type { WalletShareModels } from '../wallet/wallet-share.model';

/**
 * The owner a filed case (or a payment order) keeps once its account is
 * closed: no account has this id (user ids are UUIDs), so no login reaches it
 * again, while the case stays for the police system and the order as an
 * accounting record, as the law requires.
 */
export const CLOSED_ACCOUNT_OWNER = 'closed-account';

export type PrivacyModels = UserModels &
  SessionModels &
  DraftModels &
  FavoriteModels &
  ApplicationModels &
  PackageApplicationModels &
  MaterialModels &
  IdentityCheckModels &
  MessageModels &
  TrafficSnapshotModels &
  AddressModels &
  FamilyLinkModels &
  WalletShareModels &
  PaymentModels;

/** Everything an account holds across the components' collections, newest first, for 个人信息副本. */
export interface PersonalRecords {
  sessions: SessionDocument[];
  drafts: DraftDocument[];
  favorites: FavoriteDocument[];
  cases: ApplicationDocument[];
  packageCases: PackageApplicationDocument[];
  materials: MaterialDocument[];
  messages: MessageDocument[];
  paymentOrders: PaymentOrderDocument[];
}

/**
 * The personal data of one account across every component's collection: read
 * whole for the copy (PIPL art. 45), and removed or detached when it closes.
 */
export class PrivacyRepository {
  constructor(private readonly models: PrivacyModels) {}

  user(userId: string): Promise<UserDocument | null> {
    return this.models.User.findById(userId).lean<UserDocument>().exec();
  }

  /** The verified person's ID hash of the account, if it has one. */
  async idHashOf(userId: string): Promise<string | null> {
    const user = await this.models.User.findById(userId, { realName: 1 }).lean<Pick<UserDocument, 'realName'>>();
    return user?.realName?.idHash ?? null;
  }

  /** Each kind at most `maxRows`, newest first. */
  async personalRecords(userId: string, maxRows: number): Promise<PersonalRecords> {
    const { models } = this;
    const byUser = { userId };
    const [sessions, drafts, favorites, cases, packageCases, materials, messages, paymentOrders] = await Promise.all([
      models.Session.find(byUser).sort({ createdAt: -1 }).limit(maxRows).lean<SessionDocument[]>(),
      models.Draft.find(byUser).sort({ updatedAt: -1 }).limit(maxRows).lean<DraftDocument[]>(),
      models.Favorite.find(byUser).sort({ createdAt: -1 }).limit(maxRows).lean<FavoriteDocument[]>(),
      models.Application.find(byUser).sort({ submittedAt: -1 }).limit(maxRows).lean<ApplicationDocument[]>(),
      models.PackageApplication.find(byUser)
        .sort({ submittedAt: -1 })
        .limit(maxRows)
        .lean<PackageApplicationDocument[]>(),
      models.Material.find(byUser).sort({ uploadedAt: -1 }).limit(maxRows).lean<MaterialDocument[]>(),
      models.Message.find(byUser).sort({ createdAt: -1 }).limit(maxRows).lean<MessageDocument[]>(),
      models.PaymentOrder.find(byUser).sort({ createdAt: -1, _id: -1 }).limit(maxRows).lean<PaymentOrderDocument[]>(),
    ]);
    return { sessions, drafts, favorites, cases, packageCases, materials, messages, paymentOrders };
  }

  /**
   * Strips the account's (already ended) sessions: refresh rotations (sealed
   * tokens) and WeChat session keys go now, the sessions themselves expire now
   * and leave with their TTL a week later.
   */
  async stripSessions(userId: string, now: Date): Promise<void> {
    const { models } = this;
    const sessions = await models.Session.find({ userId }, { _id: 1 }).lean<{ _id: string }[]>();
    if (sessions.length > 0) {
      await models.RefreshRotation.deleteMany({ sessionId: { $in: sessions.map((s) => s._id) } });
    }
    await models.Session.updateMany({ userId }, { $set: { wechatSessionKey: null } });
    await models.Session.updateMany({ userId, expiresAt: { $gt: now } }, { $set: { expiresAt: now } });
  }

  async deleteLoginKeys(userId: string): Promise<void> {
    await this.models.LoginKey.deleteMany({ userId });
  }

  /** The family links the person is in, either side: those of the account, and those naming the person. */
  familyLinks(userId: string, idHash: string | null, maxRows: number): Promise<FamilyLinkDocument[]> {
    const sides: object[] = [{ actorUserId: userId }, ...(idHash ? [{ memberIdHash: idHash }] : [])];
    return this.models.FamilyLink.find({ $or: sides })
      .sort({ createdAt: -1 })
      .limit(maxRows)
      .lean<FamilyLinkDocument[]>();
  }

  /**
   * Family authority ends both ways: the links the account made go (with the members' sealed
   * identities), and those letting others act for the person are withdrawn (the actors see it).
   */
  async endFamilyLinks(userId: string, idHash: string | null, now: Date): Promise<void> {
    await this.models.FamilyLink.deleteMany({ actorUserId: userId });
    if (!idHash) return;
    await this.models.FamilyLink.updateMany(
      { memberIdHash: idHash, status: { $in: ['pending', 'active'] } },
      { $set: { status: 'withdrawn', endedAt: now } },
    );
    await this.models.FamilyLink.updateMany(
      { memberIdHash: idHash, 'invitation.method': { $exists: true } },
      { $set: { 'invitation.codeHash': null } },
    );
  }

  /** Filed cases stay (the police system and the law need them), apart from any account. */
  async detachCases(userId: string, now: Date): Promise<void> {
    const detached = { $set: { userId: CLOSED_ACCOUNT_OWNER, accountClosedAt: now } };
    await this.models.Application.updateMany({ userId }, detached);
    await this.models.PackageApplication.updateMany({ userId }, detached);
  }

  /** Whether a payment of the account may still happen: an order not yet paid or closed at its platform. */
  async hasPaymentInFlight(userId: string): Promise<boolean> {
    return (await this.models.PaymentOrder.countDocuments({ userId, state: 'pending' })) > 0;
  }

  /** Payment orders are accounting records: kept, apart from any account (closed unpaid ones still leave by TTL). */
  async detachPaymentOrders(userId: string, now: Date): Promise<void> {
    await this.models.PaymentOrder.updateMany(
      { userId },
      { $set: { userId: CLOSED_ACCOUNT_OWNER, accountClosedAt: now } },
    );
  }

  /** What the account kept for itself, and the person's traffic snapshots; then the account itself. */
  async deleteAccount(userId: string, idHash: string | null): Promise<void> {
    const { models } = this;
    await models.Draft.deleteMany({ userId });
    await models.Favorite.deleteMany({ userId });
    await models.Address.deleteMany({ userId });
    // Our references only: the files are the approval system's, filed with the cases.
    await models.Material.deleteMany({ userId });
    await models.IdentityCheck.deleteMany({ userId });
    await models.Message.deleteMany({ userId });
    // 出示 links end with the account: a verifier holding one sees it as unknown.
    await models.WalletShare.deleteMany({ userId });
    if (idHash) await models.TrafficSnapshot.deleteMany(snapshotsOfPerson(idHash));
    await models.User.deleteOne({ _id: userId });
  }
}
