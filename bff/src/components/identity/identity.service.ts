import { createHmac } from 'node:crypto';
import {
  IN_PERSON_RECENT_SECONDS,
  type BindingHistory,
  type IdentityReveal,
  type IdentityStatus,
  type IdentityVerifyRequest,
} from '@suijing/shared';
import { maskIdNumber, maskName, maskPhone } from '@suijing/shared/masking';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { SessionsService } from '../sessions/sessions.service';
import type { UserDocument } from '../users/user.model';
import type { UsersRepository } from '../users/users.repository';
import type { UsersService } from '../users/users.service';
import type { BindingMethod, BindingParty, IdentityBindings } from './identity-bindings';

/** Tries per user per Beijing day: enough for typos, too few to probe the population register. */
const VERIFY_LIMIT = { points: 5, windowMs: 86_400_000, alignOffsetMs: 8 * 3600_000 };

/** The identity a verified user acts with: what applications are filed under. */
export interface VerifiedIdentity {
  name: string;
  idNumber: string;
  idHash: string;
}

/** A verified caller as the usage record names them. */
export interface BoundPerson {
  idHash: string;
  /** The account, masked: 138****1234 or 微信用户. */
  account: string;
}

export interface IdentityServiceDeps {
  users: UsersRepository;
  usersService: UsersService;
  identity: IdentityClient;
  wechat: WechatClient;
  bindings: IdentityBindings;
  sessions: SessionsService;
  limiter: RateLimiter;
  sealer: Sealer;
  idHashKey: Buffer;
  clock: Clock;
}

/** An account as a person sees it in histories and notices: never the full phone. */
export function accountLabel(user: Pick<UserDocument, 'phone'> | null): string {
  return user?.phone ? maskPhone(user.phone) : '微信用户';
}

/**
 * 实名 (L2): a user proves who they are with name and ID number checked
 * against the population register, and the person is bound to this account
 * (one account per person). From then on the verified ID, never a
 * parameter, decides whose cases, vehicles and records they see.
 */
export class IdentityService {
  constructor(private readonly deps: IdentityServiceDeps) {}

  async status(auth: AuthState): Promise<IdentityStatus> {
    const user = await this.deps.users.findById(auth.userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    return this.view(user, auth);
  }

  async verify(auth: AuthState, request: IdentityVerifyRequest): Promise<IdentityStatus> {
    const idHash = this.idHash(request.idNumber);
    const user = await this.deps.users.findById(auth.userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    if (user.realName) {
      if (user.realName.idHash === idHash) return this.view(user, auth);
      throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });
    }
    await this.spendTry(auth.userId);
    const outcome = await this.deps.identity.verify(request.name, request.idNumber);
    if (!outcome.matched) throw new AppError({ code: 'IDENTITY_MISMATCH' });
    // Only after the register matched: who holds a person is never answered for a guess.
    const bound = await this.deps.bindings.bind(idHash, this.party(auth, user), 'register');
    if (bound.ownedBy !== null) throw new AppError({ code: 'IDENTITY_BOUND_ELSEWHERE' });
    return this.view(await this.setRealName(auth, user, request, 'register'), auth);
  }

  /** Stores the verified identity on the account; a race with another identity gives the binding back. */
  async setRealName(
    auth: AuthState,
    user: UserDocument,
    person: IdentityVerifyRequest,
    method: BindingMethod,
  ): Promise<UserDocument> {
    const idHash = this.idHash(person.idNumber);
    const updated = await this.deps.users.setRealName(auth.userId, {
      nameSealed: this.deps.sealer.seal(person.name),
      idNumberSealed: this.deps.sealer.seal(person.idNumber),
      idHash,
      method: method === 'register' ? 'register' : 'face',
      verifiedAt: this.deps.clock.now(),
      // Only ever set after the binding was claimed for this account.
      bound: true,
    });
    this.deps.usersService.forget(auth.userId);
    if (!updated) {
      await this.deps.bindings.release(idHash, this.party(auth, user), 'unbound');
      throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });
    }
    return updated;
  }

  /** 解除绑定: the person leaves this account (a fresh in-person check was asked by the route); its sessions end. */
  async unbind(auth: AuthState): Promise<void> {
    const user = await this.deps.users.findById(auth.userId);
    const idHash = user?.realName?.idHash;
    if (!user || !idHash) throw new AppError({ code: 'IDENTITY_NOT_BOUND' });
    await this.deps.bindings.release(idHash, this.party(auth, user), 'unbound');
    await this.deps.users.clearRealName(auth.userId, idHash);
    this.deps.usersService.forget(auth.userId);
    await this.deps.sessions.endAllOf(auth.userId, 'identity_unbound');
  }

  /** The binding's history: every account the person was bound to, and when. */
  async history(auth: AuthState): Promise<BindingHistory> {
    const person = await this.personOf(auth.userId);
    if (!person) throw new AppError({ code: 'REAL_NAME_REQUIRED' });
    return { items: await this.deps.bindings.history(person.idHash, auth.userId) };
  }

  /** The full name and ID number, for the one screen that shows them (fresh in-person check). */
  async reveal(userId: string): Promise<IdentityReveal> {
    const { name, idNumber } = await this.require(userId);
    return { name, idNumber };
  }

  /** 关联微信: an SMS account links the openid WeChat's face check needs. */
  async linkWechat(userId: string, code: string): Promise<void> {
    const session = await this.deps.wechat.code2Session(code);
    const linked = await this.deps.users.linkOpenid(userId, session.openid, session.unionid, this.deps.clock.now());
    if (!linked) throw new AppError({ code: 'WECHAT_ALREADY_LINKED' });
    this.deps.usersService.forget(userId);
  }

  /** The verified identity, or 403 REAL_NAME_REQUIRED, which the mini-program answers with the real-name page. */
  async require(userId: string): Promise<VerifiedIdentity> {
    const user = await this.deps.usersService.verifiedAccount(userId);
    const realName = user?.realName;
    if (!realName) throw new AppError({ code: 'REAL_NAME_REQUIRED' });
    const name = this.deps.sealer.open(realName.nameSealed);
    const idNumber = this.deps.sealer.open(realName.idNumberSealed);
    if (name === null || idNumber === null)
      throw new Error('sealed identity cannot be opened: DATA_ENCRYPTION_KEY changed?');
    return { name, idNumber, idHash: realName.idHash };
  }

  /** The person bound to the account (L2), or null. */
  async personOf(userId: string): Promise<BoundPerson | null> {
    const user = await this.deps.usersService.verifiedAccount(userId);
    const idHash = user?.realName?.idHash;
    return idHash ? { idHash, account: accountLabel(user) } : null;
  }

  /**
   * Accounts verified before one-person-one-account existed get their binding
   * (of two accounts holding one person the first found wins; the other loses
   * 实名 and can take the person back only by an in-person check). Runs on every
   * start; a bound account is marked and not read again.
   */
  async adoptUnboundAccounts(): Promise<number> {
    let adopted = 0;
    for (let after = ''; ;) {
      const page = await this.deps.users.listUnbound(after, 500);
      for (const user of page) {
        const idHash = user.realName?.idHash;
        if (!idHash) continue;
        const party = { userId: user._id, account: accountLabel(user), device: { platform: 'other', model: null } };
        const bound = await this.deps.bindings.bind(idHash, party, 'register');
        if (bound.ownedBy === null) {
          await this.deps.users.markBound(user._id, idHash);
          adopted += 1;
        } else {
          // Held by another account already: this one loses 实名 and must prove itself again (刷脸换绑).
          await this.deps.users.clearRealName(user._id, idHash);
        }
        this.deps.usersService.forget(user._id);
      }
      const last = page.at(-1);
      if (!last || page.length < 500) return adopted;
      after = last._id;
    }
  }

  idHash(idNumber: string): string {
    return createHmac('sha256', this.deps.idHashKey).update(idNumber.toUpperCase()).digest('hex');
  }

  /** Spends one of today's 实名 tries. */
  private async spendTry(userId: string): Promise<void> {
    const attempt = await this.deps.limiter.hit(`identity:verify:${userId}`, VERIFY_LIMIT);
    if (!attempt.allowed) {
      throw new AppError({ code: 'IDENTITY_TOO_MANY_TRIES', retryAfterSeconds: attempt.retryAfterSeconds });
    }
  }

  party(auth: AuthState, user: Pick<UserDocument, 'phone'> | null): BindingParty {
    return { userId: auth.userId, account: accountLabel(user), device: auth.client };
  }

  view(user: UserDocument, auth: AuthState): IdentityStatus {
    const inPersonAt = auth.inPersonAtMs;
    const inPerson =
      inPersonAt !== null && auth.inPersonMethod !== null
        ? {
            at: new Date(inPersonAt).toISOString(),
            method: auth.inPersonMethod,
            validUntil: new Date(inPersonAt + IN_PERSON_RECENT_SECONDS * 1000).toISOString(),
          }
        : null;
    const realName = user.realName;
    if (!realName) return { realNameStatus: 'unverified', inPerson };
    const name = this.deps.sealer.open(realName.nameSealed) ?? '';
    const idNumber = this.deps.sealer.open(realName.idNumberSealed) ?? '';
    return {
      realNameStatus: 'verified',
      nameMasked: maskName(name),
      idNumberMasked: maskIdNumber(idNumber),
      method: realName.method,
      verifiedAt: realName.verifiedAt.toISOString(),
      inPerson,
    };
  }
}
