import { createHash } from 'node:crypto';
import type { SeedCitizen } from '../../seed/citizens';

export interface WechatUser {
  openid: string;
  unionid: string;
}

/**
 * The WeChat users the sandbox knows: the seeded citizens, plus anyone a
 * test hands a code to (unknown openids become new users, as any WeChat
 * user can open the mini-program), and who is marked high-risk.
 */
export class WechatUsers {
  private readonly users = new Map<string, WechatUser>();
  private readonly blocked = new Set<string>();

  constructor(private readonly citizens: readonly SeedCitizen[]) {
    this.reset();
  }

  /** The user with this openid, created on first sight. */
  ensure(openid: string): WechatUser {
    const known = this.users.get(openid);
    if (known) return known;
    const user = { openid, unionid: derivedUnionid(openid) };
    this.users.set(openid, user);
    return user;
  }

  /** Whether this openid is a user of the mini-program (seeded, or has had a login code). */
  has(openid: string): boolean {
    return this.users.has(openid);
  }

  isBlocked(openid: string): boolean {
    return this.blocked.has(openid);
  }

  setBlocked(openid: string, blocked: boolean): void {
    this.ensure(openid);
    if (blocked) this.blocked.add(openid);
    else this.blocked.delete(openid);
  }

  /** Back to the seeded users and the seeded blocked user. */
  reset(): void {
    this.users.clear();
    this.blocked.clear();
    for (const citizen of this.citizens) {
      this.users.set(citizen.openid, { openid: citizen.openid, unionid: citizen.unionid });
      if (citizen.wechatBlocked) this.blocked.add(citizen.openid);
    }
  }
}

/** A stable unionid for a new user, shaped like a real one ("o" + 27 URL-safe characters). */
function derivedUnionid(openid: string): string {
  return `o${createHash('sha256').update(`unionid:${openid}`).digest('base64url').slice(0, 27)}`;
}
