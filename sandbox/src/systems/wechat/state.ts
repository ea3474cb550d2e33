import type { SandboxClock } from '../../core/clock';
import type { Prng } from '../../core/prng';
import { RateWindow } from '../../core/rate-window';
import type { SeedCitizen } from '../../seed/citizens';
import { OPENID_ALPHABET } from '../../seed/pools';
import { AccessTokens } from './access-tokens';
import { LoginCodes } from './codes';
import { PersonOutcomes } from '../../core/in-person-outcomes';
import { FaceSessions } from './face-sessions';
import { Subscriptions } from './subscribe';
import { WechatUsers } from './users';

/** jscode2session allows 100 calls per minute per user. */
export const LOGIN_LIMIT_PER_MINUTE = 100;

/** Everything the simulated WeChat server remembers, in one place so reset cannot miss a part. */
export class WechatState {
  readonly users: WechatUsers;
  readonly codes: LoginCodes;
  readonly tokens: AccessTokens;
  readonly loginRate: RateWindow;
  readonly faces: FaceSessions;
  /** How each registered person's camera step goes when the stand-in is not told (default: passes). */
  readonly faceOutcomes: PersonOutcomes;
  readonly subscriptions: Subscriptions;
  private openids: Prng;

  constructor(
    clock: SandboxClock,
    citizens: readonly SeedCitizen[],
    private readonly openidStream: () => Prng,
  ) {
    this.openids = openidStream();
    this.users = new WechatUsers(citizens);
    this.codes = new LoginCodes(clock);
    this.tokens = new AccessTokens(clock);
    this.loginRate = new RateWindow(clock, LOGIN_LIMIT_PER_MINUTE, 60_000);
    this.faces = new FaceSessions(clock);
    this.faceOutcomes = new PersonOutcomes();
    this.subscriptions = new Subscriptions();
  }

  reset(): void {
    this.users.reset();
    this.codes.clear();
    this.tokens.clear();
    this.loginRate.clear();
    this.faces.clear();
    this.faceOutcomes.clear();
    this.subscriptions.clear();
    // Restart the sequence so a reset sandbox hands brand-new users the same openids again.
    this.openids = this.openidStream();
  }

  /** An openid for a brand-new user, from the seeded sequence. */
  nextOpenid(): string {
    return `o${this.openids.chars(OPENID_ALPHABET, 27)}`;
  }
}
