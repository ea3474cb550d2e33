import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { ApiRoutes } from '../../libraries/routes';
import type { ObserveCache } from '../../libraries/ttl-cache';
import type { SessionModels } from './session.model';
import { SessionsRepository } from './sessions.repository';
import { sessionsRoutes } from './sessions.routes';
import { SessionsService } from './sessions.service';

export interface SessionsModuleDeps {
  routes: ApiRoutes;
  models: SessionModels;
  clock: Clock;
  auth: { jwtSecret: string; refreshTokenTtlDays: number; sessionCacheMs: number };
  requireAuth: Middleware<AppState>;
  observeCache?: ObserveCache;
}

/** Logins: one session each, refreshed, listed and ended by their owner. */
export function createSessionsModule(deps: SessionsModuleDeps) {
  const sessions = new SessionsService({
    repository: new SessionsRepository(deps.models),
    clock: deps.clock,
    sealer: new Sealer(deriveKey(deps.auth.jwtSecret, 'refresh-grace')),
    refreshTtlDays: deps.auth.refreshTokenTtlDays,
    cacheMs: deps.auth.sessionCacheMs,
    cacheObserver: deps.observeCache?.('sessions'),
  });
  sessionsRoutes(deps.routes, { sessions, requireAuth: deps.requireAuth });
  return { sessions };
}
