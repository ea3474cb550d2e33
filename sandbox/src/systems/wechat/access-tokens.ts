import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';

export const ACCESS_TOKEN_TTL_MS = 7200 * 1000;
/** In normal mode WeChat hands out the next token this long before the current one expires; both work meanwhile. */
export const RENEW_BEFORE_MS = 5 * 60 * 1000;
/** 强制刷新模式每天限用 20 次且需间隔 30 秒 (getStableAccessToken). */
export const FORCE_REFRESH_PER_DAY = 20;
export const FORCE_REFRESH_GAP_MS = 30_000;

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export type TokenCheck = 'valid' | 'invalid' | 'expired';

export type TokenAnswer = { ok: true; token: string; expiresIn: number } | { ok: false; reason: 'daily-quota' };

/**
 * The mini-program's access_token as stable_token manages it: one current
 * token, handed out again until five minutes before it expires, when the
 * next one is issued and the old one keeps working to its end.
 * force_refresh issues a new one and invalidates the old, at most 20 times
 * a (Beijing) day; a force_refresh within 30 s of the last one refreshes
 * nothing and answers the current token. Later WeChat APIs (subscribe send,
 * face check) check tokens here and answer 40001 / 42001 like the real server.
 */
export class AccessTokens {
  private current: { token: string; expiresAt: number } | undefined;
  /** Tokens no longer handed out: until when they would have lasted, and whether force_refresh revoked them. */
  private readonly retired = new Map<string, { expiresAt: number; revoked: boolean }>();
  private forced: { day: number; count: number; lastAt: number } = { day: -1, count: 0, lastAt: -Infinity };

  constructor(private readonly clock: SandboxClock) {}

  /** The current token and its remaining lifetime in seconds (7200 when fresh), or the forced refreshes' daily limit. */
  get(forceRefresh: boolean): TokenAnswer {
    const now = this.clock.nowMs();
    if (forceRefresh) {
      const day = Math.floor((now + BEIJING_OFFSET_MS) / DAY_MS);
      if (this.forced.day !== day) this.forced = { day, count: 0, lastAt: this.forced.lastAt };
      if (now - this.forced.lastAt >= FORCE_REFRESH_GAP_MS || !this.current) {
        if (this.forced.count >= FORCE_REFRESH_PER_DAY) return { ok: false, reason: 'daily-quota' };
        this.forced = { day, count: this.forced.count + 1, lastAt: now };
        this.replace(now, true);
      }
    } else if (!this.current || this.current.expiresAt - now <= RENEW_BEFORE_MS) {
      this.replace(now, false);
    }
    const current = this.current ?? this.replace(now, false);
    return { ok: true, token: current.token, expiresIn: Math.ceil((current.expiresAt - now) / 1000) };
  }

  check(token: string): TokenCheck {
    const now = this.clock.nowMs();
    if (this.current?.token === token) return this.current.expiresAt > now ? 'valid' : 'expired';
    const retired = this.retired.get(token);
    if (retired === undefined) return 'invalid';
    // A token that ran out is expired (42001); one force_refresh replaced is "not latest" (40001).
    if (retired.expiresAt <= now) return 'expired';
    return retired.revoked ? 'invalid' : 'valid';
  }

  clear(): void {
    this.current = undefined;
    this.retired.clear();
    this.forced = { day: -1, count: 0, lastAt: -Infinity };
  }

  private replace(now: number, revokeOld: boolean): { token: string; expiresAt: number } {
    if (this.current) this.retired.set(this.current.token, { expiresAt: this.current.expiresAt, revoked: revokeOld });
    this.current = { token: newToken(), expiresAt: now + ACCESS_TOKEN_TTL_MS };
    return this.current;
  }
}

/** Shaped like a real token: a numeric prefix, an underscore, then ~130 URL-safe characters. */
function newToken(): string {
  return `${86 + ((randomBytes(1)[0] ?? 0) % 4)}_${randomBytes(98).toString('base64url')}`;
}
