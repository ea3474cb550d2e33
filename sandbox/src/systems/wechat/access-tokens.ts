import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';

export const ACCESS_TOKEN_TTL_MS = 7200 * 1000;

export type TokenCheck = 'valid' | 'invalid' | 'expired';

/**
 * The mini-program's access_token as stable_token manages it: one current
 * token, handed out again until it expires; force_refresh issues a new one
 * and invalidates the old. Later WeChat APIs (getuserphonenumber, subscribe
 * send) check tokens here and answer 40001 / 42001 like the real server.
 */
export class AccessTokens {
  private current: { token: string; expiresAt: number } | undefined;
  private readonly retired = new Map<string, number>();

  constructor(private readonly clock: SandboxClock) {}

  /** The current token and its remaining lifetime in seconds (7200 when fresh). */
  get(forceRefresh: boolean): { token: string; expiresIn: number } {
    const now = this.clock.nowMs();
    if (forceRefresh || !this.current || this.current.expiresAt <= now) {
      if (this.current) this.retired.set(this.current.token, this.current.expiresAt);
      this.current = { token: newToken(), expiresAt: now + ACCESS_TOKEN_TTL_MS };
    }
    return { token: this.current.token, expiresIn: Math.ceil((this.current.expiresAt - now) / 1000) };
  }

  check(token: string): TokenCheck {
    const now = this.clock.nowMs();
    if (this.current?.token === token) return this.current.expiresAt > now ? 'valid' : 'expired';
    const retiredExpiry = this.retired.get(token);
    if (retiredExpiry === undefined) return 'invalid';
    // A token replaced by force_refresh is "not latest" (40001); one that simply ran out is expired (42001).
    return retiredExpiry <= now ? 'expired' : 'invalid';
  }

  clear(): void {
    this.current = undefined;
    this.retired.clear();
  }
}

/** Shaped like a real token: a numeric prefix, an underscore, then ~130 URL-safe characters. */
function newToken(): string {
  return `${86 + ((randomBytes(1)[0] ?? 0) % 4)}_${randomBytes(98).toString('base64url')}`;
}
