import { randomBytes } from 'node:crypto';
import type {
  IdentityCheckOutcome,
  IdentityCheckStart,
  IdentityCheckStartRequest,
  IdentityVerifyRequest,
  InPersonMethod,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import type { Sealer } from '../../libraries/crypto';
import { AppError } from '../../libraries/errors';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { InPersonOutcome } from '../../upstreams/in-person';
import type { SessionsService } from '../sessions/sessions.service';
import type { UserDocument } from '../users/user.model';
import type { UsersRepository } from '../users/users.repository';
import type { UsersService } from '../users/users.service';
import type { IdentityBindings } from './identity-bindings';
import type { IdentityCheckDocument } from './identity-check.model';
import type { IdentityChecksRepository } from './identity-checks.repository';
import type { IdentityNotices } from './identity-notices';
import { accountLabel, type IdentityService } from './identity.service';

/** In-person tries a Beijing day: per account, and per person across accounts (a leaked ID tried from many). */
const ACCOUNT_LIMIT = { points: 3, windowMs: 86_400_000, alignOffsetMs: 8 * 3600_000 };
const PERSON_LIMIT = { points: 5, windowMs: 86_400_000, alignOffsetMs: 8 * 3600_000 };
/**
 * A pass must be stamped between the check's start and now, give or take
 * this: one from before the check (replayed) or from the future (a clock far
 * off) is not trusted.
 */
const RESULT_TOLERANCE_MS = 60_000;
/** A started check is good this long at most, whatever the channel allows (WeChat's verify_id lives an hour). */
export const CHECK_TTL_SECONDS = 600;

/** WeChat's face verification for government mini-programs, as its adapter speaks it. */
export interface FaceVerificationPort {
  startFaceCheck(check: {
    outSeqNo: string;
    name: string;
    idNumber: string;
    openid: string;
  }): Promise<{ verifyId: string; expiresInSeconds: number }>;
  faceCheckResult(check: {
    verifyId: string;
    outSeqNo: string;
    name: string;
    idNumber: string;
    openid: string;
  }): Promise<InPersonOutcome>;
}

/** The trusted identity platform's 网证 authorisation, as its adapter speaks it. */
export interface CtidPort {
  startAuthorisation(request: {
    bizSerialNo: string;
    name: string;
    idNumber: string;
  }): Promise<{ requestId: string; authUrl: string; qrContent: string; expiresInSeconds: number }>;
  result(request: { requestId: string; bizSerialNo: string }): Promise<InPersonOutcome>;
}

export interface InPersonServiceDeps {
  identity: IdentityService;
  users: UsersRepository;
  usersService: UsersService;
  sessions: SessionsService;
  bindings: IdentityBindings;
  notices: IdentityNotices;
  checks: IdentityChecksRepository;
  face: FaceVerificationPort;
  ctid: CtidPort;
  limiter: RateLimiter;
  sealer: Sealer;
  clock: Clock;
}

const FAILURES = {
  'no-face': 'FACE_NOT_DETECTED',
  'not-same-person': 'FACE_NOT_SAME_PERSON',
  liveness: 'FACE_LIVENESS_FAILED',
  timeout: 'FACE_CHECK_TIMEOUT',
  cancelled: 'FACE_CHECK_CANCELLED',
  expired: 'FACE_CHECK_EXPIRED',
  other: 'FACE_CHECK_FAILED',
} as const;

/**
 * 实人 (L3): a live check that the person holding the phone is the person of
 * the ID number, by WeChat's face verification or a 网证 authorisation. A
 * pass is recorded on this session, binds the person to this account, and
 * when another account held them, moves the binding here (刷脸换绑): the
 * other account's sessions end everywhere and it is told.
 */
export class InPersonService {
  constructor(private readonly deps: InPersonServiceDeps) {}

  async start(auth: AuthState, request: IdentityCheckStartRequest): Promise<IdentityCheckStart> {
    const user = await this.deps.users.findById(auth.userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    const person = await this.personToCheck(user, request);
    const idHash = this.deps.identity.idHash(person.idNumber);
    if (request.channel === 'wechat-face' && !user.openid) throw new AppError({ code: 'WECHAT_OPENID_REQUIRED' });
    await this.spendTries(auth.userId, idHash);

    const serialNo = randomBytes(12).toString('hex');
    const now = this.deps.clock.now();
    const checkId = randomBytes(18).toString('base64url');
    let shown: IdentityCheckStart;
    let upstreamId: string;
    if (request.channel === 'wechat-face') {
      const face = await this.deps.face.startFaceCheck({ outSeqNo: serialNo, ...person, openid: user.openid ?? '' });
      upstreamId = face.verifyId;
      shown = {
        checkId,
        channel: request.channel,
        expiresInSeconds: face.expiresInSeconds,
        wechat: { verifyId: face.verifyId },
      };
    } else {
      const platform = await this.deps.ctid.startAuthorisation({ bizSerialNo: serialNo, ...person });
      upstreamId = platform.requestId;
      shown = {
        checkId,
        channel: request.channel,
        expiresInSeconds: platform.expiresInSeconds,
        ctid: { authUrl: platform.authUrl, qrContent: platform.qrContent },
      };
    }
    await this.deps.checks.start({
      _id: checkId,
      userId: auth.userId,
      sessionId: auth.sessionId,
      channel: request.channel,
      serialNo,
      upstreamId,
      nameSealed: this.deps.sealer.seal(person.name),
      idNumberSealed: this.deps.sealer.seal(person.idNumber),
      idHash,
      startedAt: now,
      expiresAt: new Date(now.getTime() + Math.min(shown.expiresInSeconds, CHECK_TTL_SECONDS) * 1000),
    });
    return shown;
  }

  async complete(auth: AuthState, checkId: string): Promise<IdentityCheckOutcome> {
    // Only the session that started a check may complete it: another session's, or a used one, is unknown here.
    const check = await this.deps.checks.findForSession(checkId, auth.userId, auth.sessionId);
    if (!check) throw new AppError({ code: 'FACE_CHECK_NOT_FOUND' });
    const now = this.deps.clock.now();
    if (check.expiresAt.getTime() <= now.getTime()) {
      await this.deps.checks.remove(checkId);
      throw new AppError({ code: 'FACE_CHECK_EXPIRED' });
    }
    const person = this.open(check);
    const user = await this.deps.users.findById(auth.userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    const outcome = await this.outcomeOf(check, person, user);
    if (outcome.kind === 'pending') throw new AppError({ code: 'FACE_CHECK_PENDING' });
    // A final outcome is read once (the channel forgets the request), so the check ends here either way.
    await this.deps.checks.remove(checkId);
    if (outcome.kind === 'failed') throw new AppError({ code: FAILURES[outcome.reason] });
    const stampedAt = outcome.checkedAt.getTime();
    if (
      stampedAt < check.startedAt.getTime() - RESULT_TOLERANCE_MS ||
      stampedAt > now.getTime() + RESULT_TOLERANCE_MS
    ) {
      throw new AppError({ code: 'FACE_CHECK_CLOCK_SKEW' });
    }
    return this.passed(auth, user, check.channel as InPersonMethod, person);
  }

  /** A pass: the person is bound here (moved from another account if need be), and this session is L3. */
  private async passed(
    auth: AuthState,
    user: UserDocument,
    method: InPersonMethod,
    person: IdentityVerifyRequest,
  ): Promise<IdentityCheckOutcome> {
    const idHash = this.deps.identity.idHash(person.idNumber);
    if (user.realName && user.realName.idHash !== idHash) throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });

    const moved = await this.deps.bindings.move(idHash, this.deps.identity.party(auth, user), method, async (id) =>
      accountLabel(await this.deps.users.findById(id)),
    );
    if (moved.lost) throw new AppError({ code: 'IDENTITY_BOUND_ELSEWHERE' });
    if (moved.from !== null) await this.takeFrom(moved.from, idHash, auth);

    const verified = user.realName ? user : await this.deps.identity.setRealName(auth, user, person, method);
    const at = await this.deps.sessions.markInPerson(auth.sessionId, method);
    const now = { ...auth, inPersonAtMs: at.getTime(), inPersonMethod: method };
    return { identity: this.deps.identity.view(verified, now), movedFromAnotherAccount: moved.from !== null };
  }

  /** The account the person was taken from loses them: identity off, every session ended, and it is told. */
  private async takeFrom(fromUserId: string, idHash: string, by: AuthState): Promise<void> {
    await this.deps.users.clearRealName(fromUserId, idHash);
    this.deps.usersService.forget(fromUserId);
    await this.deps.sessions.endAllOf(fromUserId, 'identity_moved');
    await this.deps.notices.identityMoved(fromUserId, { at: this.deps.clock.now(), device: by.client });
  }

  private async outcomeOf(
    check: IdentityCheckDocument,
    person: IdentityVerifyRequest,
    user: UserDocument,
  ): Promise<InPersonOutcome> {
    if (check.channel === 'ctid') {
      return this.deps.ctid.result({ requestId: check.upstreamId, bizSerialNo: check.serialNo });
    }
    const openid = user.openid;
    if (!openid) throw new AppError({ code: 'WECHAT_OPENID_REQUIRED' });
    return this.deps.face.faceCheckResult({
      verifyId: check.upstreamId,
      outSeqNo: check.serialNo,
      name: person.name,
      idNumber: person.idNumber,
      openid,
    });
  }

  /** The identity a check is for: the account's own, or the one typed (first verification, or 刷脸换绑). */
  private async personToCheck(user: UserDocument, request: IdentityCheckStartRequest): Promise<IdentityVerifyRequest> {
    if (user.realName) {
      const own = await this.deps.identity.require(user._id);
      if (request.idNumber !== undefined && this.deps.identity.idHash(request.idNumber) !== own.idHash) {
        throw new AppError({ code: 'IDENTITY_ALREADY_VERIFIED' });
      }
      return { name: own.name, idNumber: own.idNumber };
    }
    if (request.name === undefined || request.idNumber === undefined) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        message: '请填写姓名和身份证号码后再进行本人认证',
        fields: [
          ...(request.name === undefined ? [{ path: 'name', message: '请填写姓名' }] : []),
          ...(request.idNumber === undefined ? [{ path: 'idNumber', message: '请填写身份证号码' }] : []),
        ],
      });
    }
    return { name: request.name, idNumber: request.idNumber };
  }

  private async spendTries(userId: string, idHash: string): Promise<void> {
    const mine = await this.deps.limiter.hit(`identity:in-person:${userId}`, ACCOUNT_LIMIT);
    if (!mine.allowed) {
      throw new AppError({ code: 'IN_PERSON_TOO_MANY_TRIES', retryAfterSeconds: mine.retryAfterSeconds });
    }
    const theirs = await this.deps.limiter.hit(`identity:in-person-id:${idHash}`, PERSON_LIMIT);
    if (!theirs.allowed) {
      throw new AppError({ code: 'IN_PERSON_ID_TOO_MANY_TRIES', retryAfterSeconds: theirs.retryAfterSeconds });
    }
  }

  private open(check: IdentityCheckDocument): IdentityVerifyRequest {
    const name = this.deps.sealer.open(check.nameSealed);
    const idNumber = this.deps.sealer.open(check.idNumberSealed);
    if (name === null || idNumber === null)
      throw new Error('sealed check cannot be opened: DATA_ENCRYPTION_KEY changed?');
    return { name, idNumber };
  }
}
