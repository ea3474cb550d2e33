import { AppError } from '../../libraries/errors';
import type { JsonBytes } from '../../libraries/json-bytes';
import type { AuthState } from '../../libraries/context';
import type { TtlCache } from '../../libraries/ttl-cache';
import type { Clock } from '../../libraries/clock';
import type { UserDocument } from './user.model';
import type { UsersRepository } from './users.repository';
import { FreshReads } from './fresh-reads';
import { MeAnswers } from './me-answers';

export interface UsersServiceDeps {
  users: UsersRepository;
  clock: Clock;
  /** Short per-instance cache of user documents; an account changes rarely. */
  cache: TtlCache<UserDocument>;
}

export class UsersService {
  private readonly rereads = new FreshReads<UserDocument | null>();
  private readonly meAnswers = new MeAnswers();

  constructor(private readonly deps: UsersServiceDeps) {}

  /** Drops this instance's cached copy after a change, e.g. a completed verification. */
  forget(userId: string): void {
    this.deps.cache.delete(userId);
  }

  /** Keeps a document just written (a login's upsert) so the next read of it needs no round trip. */
  remember(user: UserDocument): void {
    this.deps.cache.set(user._id, user, this.deps.clock.now().getTime());
  }

  /** The account document, from this instance's short cache when it has it; null for an unknown user. */
  async account(userId: string): Promise<UserDocument | null> {
    const nowMs = this.deps.clock.now().getTime();
    const cached = this.deps.cache.get(userId, nowMs);
    if (cached) return cached;
    const user = await this.deps.users.findById(userId);
    if (user) this.deps.cache.set(userId, user, nowMs);
    return user;
  }

  /**
   * The account, read again when the cached copy has no real name: a verification
   * made through another instance is never hidden behind this one's cache.
   */
  async verifiedAccount(userId: string): Promise<UserDocument | null> {
    const cached = this.deps.cache.get(userId, this.deps.clock.now().getTime());
    if (cached?.realName) return cached;
    // A busy device's parallel requests share one read, each still answered by a read begun after it asked.
    return this.rereads.read(userId, () => this.reload(userId));
  }

  private async reload(userId: string): Promise<UserDocument | null> {
    const user = await this.deps.users.findById(userId);
    if (user) this.deps.cache.set(userId, user, this.deps.clock.now().getTime());
    else this.forget(userId);
    return user;
  }

  /** My account as this session sees it (the login method is the session's), encoded as sent. */
  async me(auth: AuthState): Promise<JsonBytes> {
    const user = await this.verifiedAccount(auth.userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    return this.meAnswers.answer(user, auth, this.deps.clock.now().getTime());
  }
}
