import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';

/** wx.login codes are valid for five minutes. */
export const CODE_TTL_MS = 5 * 60 * 1000;

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export type Redeemed = { ok: true; openid: string } | { ok: false };

/**
 * Login codes as wx.login hands them out: 32 characters, single use, five
 * minutes on the sandbox clock. Redeeming consumes a code whatever the
 * outcome of the login, like the real server.
 */
export class LoginCodes {
  private readonly codes = new Map<string, { openid: string; issuedAt: number }>();

  constructor(private readonly clock: SandboxClock) {}

  issue(openid: string): string {
    const bytes = randomBytes(32);
    const code = Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length] ?? 'A').join('');
    this.codes.set(code, { openid, issuedAt: this.clock.nowMs() });
    return code;
  }

  redeem(code: string): Redeemed {
    const entry = this.codes.get(code);
    if (!entry) return { ok: false };
    this.codes.delete(code);
    const age = this.clock.nowMs() - entry.issuedAt;
    return age > CODE_TTL_MS ? { ok: false } : { ok: true, openid: entry.openid };
  }

  clear(): void {
    this.codes.clear();
  }
}
