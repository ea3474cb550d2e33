import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import { TtlCache, type ObserveCache } from '../../libraries/ttl-cache';
import type { UserDocument, UserModels } from './user.model';
import { UsersRepository } from './users.repository';
import { usersRoutes } from './users.routes';
import { UsersService } from './users.service';

/** Accounts an instance keeps in memory at most, beyond which the oldest go first. */
const CACHED_USERS = 50_000;

export interface UsersModuleDeps {
  routes: ApiRoutes;
  models: UserModels;
  clock: Clock;
  /** How long an instance trusts its copy of an account (SESSION_CACHE_MS). */
  cacheMs: number;
  requireAuth: Middleware<AppState>;
  observeCache?: ObserveCache;
}

/** Accounts: the repository the other components read them from, and GET /me. */
export function createUsersModule(deps: UsersModuleDeps) {
  const users = new UsersRepository(deps.models);
  const usersService = new UsersService({
    users,
    clock: deps.clock,
    cache: new TtlCache<UserDocument>(deps.cacheMs, CACHED_USERS, deps.observeCache?.('users')),
  });
  usersRoutes(deps.routes, { users: usersService, requireAuth: deps.requireAuth });
  return { users, usersService };
}
