import type { User } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import type { AuthState } from '../../libraries/context';
import type { TtlCache } from '../../libraries/ttl-cache';
import type { Clock } from '../../libraries/clock';
import type { SessionsRepository } from '../sessions/sessions.repository';
import type { UsersRepository } from './users.repository';
import { toUserView } from './users.view';

export interface UsersServiceDeps {
  users: UsersRepository;
  sessions: SessionsRepository;
  clock: Clock;
  /** Short per-instance cache of the "me" view; the account changes rarely. */
  cache: TtlCache<User>;
}

export class UsersService {
  constructor(private readonly deps: UsersServiceDeps) {}

  async me(auth: AuthState): Promise<User> {
    const nowMs = this.deps.clock.now().getTime();
    const cached = this.deps.cache.get(auth.sessionId, nowMs);
    if (cached) return cached;
    const [user, session] = await Promise.all([
      this.deps.users.findById(auth.userId),
      this.deps.sessions.findById(auth.sessionId),
    ]);
    if (!user || !session) throw new AppError({ code: 'SESSION_REVOKED' });
    const view = toUserView(user, session.loginMethod);
    this.deps.cache.set(auth.sessionId, view, nowMs);
    return view;
  }
}
