import Router from '@koa/router';
import type { SystemStats } from '../core/stats';
import type { SystemRegistry } from '../core/system-registry';
import type { SeedCitizen } from '../seed/citizens';
import { populationRegister } from '../seed/population';

/**
 * POST /sandbox/reset          -> back to the state right after start (test isolation)
 * GET  /sandbox/health         -> {ok, systems}: readiness probe for npm start and test set-up
 * GET  /sandbox/stats          -> {systems: {<system>: counters}} since the last reset
 * GET  /sandbox/seed/citizens  -> {seed, citizens, kin}: the seeded test people, full values (it is a sandbox);
 *                                 kin: the primary citizen's children [{role: son|daughter, name, idNumber, ...}]
 */
export function adminRoutes(deps: {
  registry: SystemRegistry;
  stats: SystemStats;
  seed: number;
  citizens: readonly SeedCitizen[];
  resetAll: () => void;
}): Router {
  const router = new Router({ prefix: '/sandbox' });

  router.post('/reset', (ctx) => {
    deps.resetAll();
    ctx.body = { ok: true };
  });

  router.get('/health', (ctx) => {
    ctx.body = { ok: true, systems: deps.registry.names() };
  });

  router.get('/stats', (ctx) => {
    ctx.body = { systems: deps.stats.snapshot(deps.registry.names()) };
  });

  router.get('/seed/citizens', (ctx) => {
    const kin = [...populationRegister(deps.citizens, deps.seed).kin].map(([role, person]) => ({ ...person, role }));
    ctx.body = { seed: deps.seed, citizens: deps.citizens, kin };
  });

  return router;
}
