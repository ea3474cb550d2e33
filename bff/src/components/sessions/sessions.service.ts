import type { ClientInfo, ErrorCode, InPersonMethod, LoginMethod, Session } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { randomToken, safeEqual, type Sealer, sha256 } from '../../libraries/crypto';
import { TtlCache, type CacheObserver } from '../../libraries/ttl-cache';
import type { SessionDocument } from './session.model';
import type { NewSession, SessionsRepository } from './sessions.repository';

/** Concurrent refreshes from one device (two tabs, a retry) within this window get the same answer. */
const REFRESH_GRACE_MS = 10_000;
/** lastSeenAt is written at most this often per session, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionsServiceDeps {
  repository: SessionsRepository;
  clock: Clock;
  sealer: Sealer;
  refreshTtlDays: number;
  /** How long this instance trusts a session it has checked; bounds how late a revoke is seen. */
  cacheMs: number;
  cacheObserver?: CacheObserver | undefined;
}

export interface IssuedSession {
  sessionId: string;
  userId: string;
  loginMethod: LoginMethod;
  refreshToken: string;
  /** The session's last in-person check: a refresh keeps it, a new login starts without. */
  inPersonAtMs: number | null;
}

/** What a live session tells about the caller. */
export interface SessionHolder {
  userId: string;
  loginMethod: LoginMethod;
  client: { platform: string; model: string | null };
  inPersonAtMs: number | null;
  inPersonMethod: InPersonMethod | null;
}

/** Why a session was ended, as the device learns it on its next request (it says what happened). */
export type EndReason = 'identity_moved' | 'identity_unbound' | 'account_closed';

const END_CODES: Record<string, ErrorCode> = {
  identity_moved: 'IDENTITY_MOVED',
  identity_unbound: 'IDENTITY_UNBOUND',
  account_closed: 'ACCOUNT_CLOSED',
};

/** The 401 a revoked session answers: a specific one when the person must know why. */
function revokedError(reason: string | null | undefined): AppError {
  return new AppError({ code: (reason && END_CODES[reason]) || 'SESSION_REVOKED' });
}

function holderOf(session: SessionDocument): SessionHolder {
  return {
    userId: session.userId,
    loginMethod: session.loginMethod,
    client: { platform: session.client?.platform ?? 'other', model: session.client?.model ?? null },
    inPersonAtMs: session.inPersonAt ? session.inPersonAt.getTime() : null,
    inPersonMethod: (session.inPersonMethod as InPersonMethod | null | undefined) ?? null,
  };
}

interface CachedSession {
  holder: SessionHolder;
  expiresAtMs: number;
}

/** Refresh tokens are "<session id>.<secret>": the id finds the session family, the secret proves possession. */
function splitRefreshToken(token: string): { sessionId: string; secret: string } | null {
  const match = /^([A-Za-z0-9_-]{16,64})\.([A-Za-z0-9_-]{32,128})$/.exec(token);
  return match ? { sessionId: match[1] as string, secret: match[2] as string } : null;
}

export class SessionsService {
  private readonly cache: TtlCache<CachedSession>;
  private readonly loading = new Map<string, Promise<SessionDocument | null>>();

  constructor(private readonly deps: SessionsServiceDeps) {
    this.cache = new TtlCache(deps.cacheMs, 50_000, deps.cacheObserver);
  }

  async start(input: {
    userId: string;
    loginMethod: LoginMethod;
    client: ClientInfo | undefined;
    wechatSessionKey?: string;
  }): Promise<IssuedSession> {
    const now = this.deps.clock.now();
    const sessionId = randomToken(18);
    const secret = randomToken(32);
    const session: NewSession = {
      _id: sessionId,
      userId: input.userId,
      loginMethod: input.loginMethod,
      client: { platform: input.client?.platform ?? 'other', model: input.client?.model ?? null },
      refreshHash: sha256(secret),
      wechatSessionKey: input.wechatSessionKey ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.deps.refreshTtlDays * 86_400_000),
    };
    await this.deps.repository.create(session);
    // The device's first requests come straight after login: they need not read what was just written.
    this.remember({ ...session, revokedAt: null, revokeReason: null, inPersonAt: null, inPersonMethod: null }, now);
    return {
      sessionId,
      userId: input.userId,
      loginMethod: input.loginMethod,
      refreshToken: `${sessionId}.${secret}`,
      inPersonAtMs: null,
    };
  }

  /**
   * Rotates a refresh token. The same token presented again within the grace
   * gets the same new token; presented later (or any stale token) it means the
   * token leaked, and the whole session family is revoked.
   *
   * Two round trips: the rotation record's unique insert (the one write
   * trusted to happen once, on every server) claims the rotation away from
   * this token, then one update moves the session to the new token only if
   * the token was its current one. A claim for a token that was not current
   * is never honoured by a repeat (see repeatOrRevoke).
   */
  async refresh(refreshToken: string): Promise<IssuedSession> {
    const parts = splitRefreshToken(refreshToken);
    if (!parts) throw new AppError({ code: 'REFRESH_INVALID' });
    const now = this.deps.clock.now();
    const presentedHash = sha256(parts.secret);
    const secret = randomToken(32);
    const next = `${parts.sessionId}.${secret}`;
    const claimed = await this.deps.repository.claimRotation({
      sessionId: parts.sessionId,
      fromHash: presentedHash,
      sealedNext: this.deps.sealer.seal(next),
      graceUntil: new Date(now.getTime() + REFRESH_GRACE_MS),
    });
    if (claimed) {
      const rotated = await this.deps.repository.rotate(parts.sessionId, presentedHash, sha256(secret), now);
      if (rotated) {
        this.remember(rotated, now);
        return this.issued(rotated, next);
      }
      // Not the session's current token (made up, stale, or its session ended): the claim is not kept.
      await this.deps.repository.dropRotation(parts.sessionId, presentedHash);
    }
    const session = await this.deps.repository.findById(parts.sessionId);
    if (session?.revokedAt && session.revokeReason && END_CODES[session.revokeReason]) {
      throw revokedError(session.revokeReason);
    }
    if (!session || session.revokedAt || session.expiresAt <= now) throw new AppError({ code: 'REFRESH_INVALID' });
    return this.repeatOrRevoke(session, presentedHash, now);
  }

  /** The live session this instance checked within its cache time, without waiting; else undefined (ask `authenticate`). */
  known(sessionId: string): SessionHolder | undefined {
    const nowMs = this.deps.clock.now().getTime();
    const cached = this.cache.get(sessionId, nowMs);
    return cached && cached.expiresAtMs > nowMs ? cached.holder : undefined;
  }

  /** The session behind an access token, if still live. Cached briefly per instance. */
  async authenticate(sessionId: string, options: { fresh?: boolean } = {}): Promise<SessionHolder> {
    const known = options.fresh ? undefined : this.known(sessionId);
    if (known) return known;

    const now = this.deps.clock.now();
    const session = await this.loadOnce(sessionId, now);
    if (!session || session.revokedAt) throw revokedError(session?.revokeReason);
    if (session.expiresAt <= now) throw new AppError({ code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' });
    this.remember(session, now);
    return holderOf(session);
  }

  /**
   * Brings a request's copy of its session up to date when it is not enough
   * for what is asked: this instance's copy may predate an in-person check
   * passed through another instance a moment ago.
   */
  async catchUp(auth: AuthState, enough: (auth: AuthState) => boolean): Promise<void> {
    if (enough(auth)) return;
    const fresh = await this.authenticate(auth.sessionId, { fresh: true });
    auth.inPersonAtMs = fresh.inPersonAtMs;
    auth.inPersonMethod = fresh.inPersonMethod;
  }

  /** Records that this session passed an in-person (L3) check now. */
  async markInPerson(sessionId: string, method: InPersonMethod): Promise<Date> {
    const at = this.deps.clock.now();
    await this.deps.repository.markInPerson(sessionId, method, at);
    this.cache.delete(sessionId);
    return at;
  }

  /**
   * Ends every session of a user at once. Other instances see it within
   * their session cache time (cacheMs); the devices learn why on their next request.
   */
  async endAllOf(userId: string, reason: EndReason): Promise<number> {
    const ended = await this.deps.repository.revokeAllOf(userId, reason, this.deps.clock.now());
    for (const id of ended) this.cache.delete(id);
    return ended.length;
  }

  /** One database read per session at a time: a busy device's parallel requests share it when the cache lapses. */
  private loadOnce(sessionId: string, now: Date): Promise<SessionDocument | null> {
    let pending = this.loading.get(sessionId);
    if (!pending) {
      pending = this.deps.repository
        .findById(sessionId)
        .then(async (session) => {
          if (session && now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
            await this.deps.repository.touch(sessionId, now);
          }
          return session;
        })
        .finally(() => this.loading.delete(sessionId));
      this.loading.set(sessionId, pending);
    }
    return pending;
  }

  async list(userId: string, currentSessionId: string): Promise<Session[]> {
    const sessions = await this.deps.repository.listActive(userId, this.deps.clock.now());
    return sessions.map((s) => ({
      id: s._id,
      loginMethod: s.loginMethod,
      client: { platform: s.client?.platform ?? 'other', model: s.client?.model ?? null },
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s._id === currentSessionId,
    }));
  }

  /** Revokes one of the user's own sessions; anyone else's id is simply not found. */
  async revokeOwn(userId: string, sessionId: string): Promise<void> {
    const now = this.deps.clock.now();
    const session = await this.deps.repository.findById(sessionId);
    if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) {
      throw new AppError({ code: 'NOT_FOUND', message: '未找到该登录设备，请刷新列表后重试' });
    }
    await this.deps.repository.revoke(sessionId, 'revoked_by_user', now);
    this.cache.delete(sessionId);
  }

  async logout(sessionId: string): Promise<void> {
    await this.deps.repository.revoke(sessionId, 'logout', this.deps.clock.now());
    this.cache.delete(sessionId);
  }

  /** A token already rotated away: the same answer within the grace, else the family is revoked. */
  private async repeatOrRevoke(session: SessionDocument, presentedHash: string, now: Date): Promise<IssuedSession> {
    const rotation = await this.deps.repository.findRotation(session._id, presentedHash);
    if (rotation && rotation.graceUntil > now) {
      const next = this.deps.sealer.open(rotation.sealedNext);
      if (next && (await this.rotationHappened(session, presentedHash, next))) return this.issued(session, next);
    }
    await this.deps.repository.revoke(session._id, 'refresh_token_reuse', now);
    this.cache.delete(session._id);
    throw new AppError({ code: 'REFRESH_REUSED' });
  }

  /**
   * Whether a claimed rotation really moved the session on: its token was
   * current (the claimant's update may still be on its way), its new token is,
   * or its new token was itself rotated since. A claim made with a token that
   * was never current matches none of these.
   */
  private async rotationHappened(session: SessionDocument, fromHash: string, next: string): Promise<boolean> {
    const nextHash = sha256(splitRefreshToken(next)?.secret ?? '');
    if (safeEqual(session.refreshHash, fromHash) || safeEqual(session.refreshHash, nextHash)) return true;
    return (await this.deps.repository.findRotation(session._id, nextHash)) !== null;
  }

  private remember(session: SessionDocument, now: Date): void {
    this.cache.set(session._id, { holder: holderOf(session), expiresAtMs: session.expiresAt.getTime() }, now.getTime());
  }

  private issued(session: SessionDocument, refreshToken: string): IssuedSession {
    return {
      sessionId: session._id,
      userId: session.userId,
      loginMethod: session.loginMethod,
      refreshToken,
      inPersonAtMs: session.inPersonAt ? session.inPersonAt.getTime() : null,
    };
  }
}
