import { randomBytes } from 'node:crypto';
import type { SandboxClock } from '../../core/clock';

/** wx.login codes are valid for five minutes. */
export const CODE_TTL_MS = 5 * 60 * 1000;

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 'used': the code was redeemed before (WeChat's 40163); 'invalid': never issued or older than five minutes (40029). */
export type Redeemed = { ok: true; openid: string } | { ok: false; reason: 'invalid' | 'used' };

/** Past this many remembered codes, the ones older than five minutes are forgotten on the next issue. */
const PRUNE_ABOVE = 1000;

/**
 * Login codes as wx.login hands them out: 32 characters, single use, five
 * minutes on the sandbox clock. Redeeming consumes a code whatever the
 * outcome of the login, like the real server; a consumed code is
 * remembered for the rest of its five minutes, so a second try is told
 * "code been used" rather than "invalid code".
 */
export class LoginCodes {
  private readonly codes = new Map<string, { openid: string; issuedAt: number; used: boolean }>();

  constructor(private readonly clock: SandboxClock) {}

  issue(openid: string): string {
    const now = this.clock.nowMs();
    if (this.codes.size > PRUNE_ABOVE) {
      for (const [known, entry] of this.codes) if (now - entry.issuedAt > CODE_TTL_MS) this.codes.delete(known);
    }
    const bytes = randomBytes(32);
    const code = Array.from(bytes, (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length] ?? 'A').join('');
    this.codes.set(code, { openid, issuedAt: now, used: false });
    return code;
  }

  redeem(code: string): Redeemed {
    const entry = this.codes.get(code);
    if (!entry || this.clock.nowMs() - entry.issuedAt > CODE_TTL_MS) return { ok: false, reason: 'invalid' };
    if (entry.used) return { ok: false, reason: 'used' };
    entry.used = true;
    return { ok: true, openid: entry.openid };
  }

  clear(): void {
    this.codes.clear();
  }
}
