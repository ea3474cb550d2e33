import { createHmac, randomBytes } from 'node:crypto';
import type { FaceCheckStart, IdentityStatus, IdentityVerifyRequest } from '@suijing/shared';
import { maskIdNumber, maskName } from '@suijing/shared/masking';
import type { Clock } from '../../libraries/clock';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { IdentityClient } from '../../upstreams/identity/identity.client';
import { faceCertHash } from '../../upstreams/wechat/face-cert-hash';
import type { WechatClient } from '../../upstreams/wechat/wechat.client';
import type { FaceCheckDocument, FaceCheckModels } from './face-check.model';
import type { UserDocument } from '../users/user.model';
import type { UsersRepository } from '../users/users.repository';
import type { UsersService } from '../users/users.service';

/** Tries per user per Beijing day: enough for typos, too few to probe the population register. */
const VERIFY_LIMIT = { points: 5, windowMs: 86_400_000, alignOffsetMs: 8 * 3600_000 };

/** The identity a verified user acts with: what applications are filed under. */
export interface VerifiedIdentity {
  name: string;
  idNumber: string;
  idHash: string;
}

export interface IdentityServiceDeps {
  users: UsersRepository;
  usersService: UsersService;
  identity: IdentityClient;
  wechat: WechatClient;
  faceChecks: FaceCheckModels;
  limiter: RateLimiter;
  sealer: Sealer;
  idHashKey: Buffer;
  clock: Clock;
}

/**
 * 实名认证: a user proves who they are once (name and ID number checked
 * against the population register); from then on their verified ID, never a
 * parameter, decides whose cases, vehicles and records they see.
 */
export class IdentityService {
  constructor(private readonly deps: IdentityServiceDeps) {}

  async status(userId: string): Promise<IdentityStatus> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    return this.view(user);
  }

  async verify(userId: string, request: IdentityVerifyRequest): Promise<IdentityStatus> {
    const idHash = this.idHash(request.idNumber);
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    if (user.realName) {
      if (user.realName.idHash === idHash) return this.view(user);
      throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });
    }
    const attempt = await this.deps.limiter.hit(`identity:verify:${userId}`, VERIFY_LIMIT);
    if (!attempt.allowed) {
      throw new AppError({ code: 'IDENTITY_TOO_MANY_TRIES', retryAfterSeconds: attempt.retryAfterSeconds });
    }

    const outcome = await this.deps.identity.verify(request.name, request.idNumber);
    if (!outcome.matched) throw new AppError({ code: 'IDENTITY_MISMATCH' });
    return this.bind(userId, request, 'register');
  }

  /**
   * 人脸核身, step one: a check for this name and ID number, which the
   * mini-program completes with wx.requestFacialVerify. Counts as a try.
   */
  async startFaceCheck(userId: string, request: IdentityVerifyRequest): Promise<FaceCheckStart> {
    const user = await this.deps.users.findById(userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    if (user.realName && user.realName.idHash !== this.idHash(request.idNumber)) {
      throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });
    }
    const attempt = await this.deps.limiter.hit(`identity:verify:${userId}`, VERIFY_LIMIT);
    if (!attempt.allowed) {
      throw new AppError({ code: 'IDENTITY_TOO_MANY_TRIES', retryAfterSeconds: attempt.retryAfterSeconds });
    }
    const outSeqNo = randomBytes(12).toString('hex');
    const started = await this.deps.wechat.startFaceCheck({ outSeqNo, ...request, openid: user.openid ?? undefined });
    await this.deps.faceChecks.FaceCheck.create({
      _id: started.verifyId,
      userId,
      outSeqNo,
      nameSealed: this.deps.sealer.seal(request.name),
      idNumberSealed: this.deps.sealer.seal(request.idNumber),
      expiresAt: new Date(this.deps.clock.now().getTime() + started.expiresInSeconds * 1000),
    });
    return started;
  }

  /** Step two: the outcome of my face check; when it passed, the account is verified by face. */
  async finishFaceCheck(userId: string, verifyId: string): Promise<IdentityStatus> {
    const check = await this.deps.faceChecks.FaceCheck.findOne({ _id: verifyId, userId }).lean<FaceCheckDocument>();
    if (!check || check.expiresAt.getTime() <= this.deps.clock.now().getTime()) {
      throw new AppError({ code: 'FACE_CHECK_EXPIRED' });
    }
    const name = this.deps.sealer.open(check.nameSealed) ?? '';
    const idNumber = this.deps.sealer.open(check.idNumberSealed) ?? '';
    const certHash = faceCertHash(name, idNumber);
    const openid = (await this.deps.usersService.account(userId))?.openid ?? undefined;
    const outcome = await this.deps.wechat.faceCheckResult({ verifyId, outSeqNo: check.outSeqNo, certHash, openid });
    if (outcome === 'pending') throw new AppError({ code: 'FACE_CHECK_PENDING' });
    // A final outcome is read once (WeChat forgets the verify_id), so the check ends here either way.
    await this.deps.faceChecks.FaceCheck.deleteOne({ _id: verifyId });
    if (outcome === 'failed') throw new AppError({ code: 'FACE_CHECK_FAILED' });
    if (outcome === 'expired') throw new AppError({ code: 'FACE_CHECK_EXPIRED' });
    return this.bind(userId, { name, idNumber }, 'face');
  }

  private async bind(
    userId: string,
    person: IdentityVerifyRequest,
    method: 'register' | 'face',
  ): Promise<IdentityStatus> {
    const updated = await this.deps.users.setRealName(userId, {
      nameSealed: this.deps.sealer.seal(person.name),
      idNumberSealed: this.deps.sealer.seal(person.idNumber),
      idHash: this.idHash(person.idNumber),
      method,
      verifiedAt: this.deps.clock.now(),
    });
    // Another verification of this account won a race with a different identity.
    if (!updated) throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });
    this.deps.usersService.forget(userId);
    return this.view(updated);
  }

  /** The verified identity, or 403 REAL_NAME_REQUIRED, which the mini-program answers with the real-name page. */
  async require(userId: string): Promise<VerifiedIdentity> {
    let user = await this.deps.usersService.account(userId);
    if (!user?.realName) {
      // The cached copy may predate a verification made through another instance.
      this.deps.usersService.forget(userId);
      user = await this.deps.usersService.account(userId);
    }
    const realName = user?.realName;
    if (!realName) throw new AppError({ code: 'REAL_NAME_REQUIRED' });
    const name = this.deps.sealer.open(realName.nameSealed);
    const idNumber = this.deps.sealer.open(realName.idNumberSealed);
    if (name === null || idNumber === null)
      throw new Error('sealed identity cannot be opened: DATA_ENCRYPTION_KEY changed?');
    return { name, idNumber, idHash: realName.idHash };
  }

  private idHash(idNumber: string): string {
    return createHmac('sha256', this.deps.idHashKey).update(idNumber.toUpperCase()).digest('hex');
  }

  private view(user: UserDocument): IdentityStatus {
    const realName = user.realName;
    if (!realName) return { realNameStatus: 'unverified' };
    const name = this.deps.sealer.open(realName.nameSealed) ?? '';
    const idNumber = this.deps.sealer.open(realName.idNumberSealed) ?? '';
    return {
      realNameStatus: 'verified',
      nameMasked: maskName(name),
      idNumberMasked: maskIdNumber(idNumber),
      method: realName.method,
      verifiedAt: realName.verifiedAt.toISOString(),
    };
  }
}
