import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { adminRoutes } from './control/admin.routes';
import { clockRoutes } from './control/clock.routes';
import { faultRoutes } from './control/faults.routes';
import { SandboxClock } from './core/clock';
import { errorMiddleware } from './core/error-middleware';
import { SandboxEvents } from './core/events';
import { faultMiddleware } from './core/fault-middleware';
import { FaultBoard } from './core/faults';
import { Prng } from './core/prng';
import { requestLog } from './core/request-log';
import { SystemStats } from './core/stats';
import type { SystemKit } from './core/system';
import { SystemRegistry } from './core/system-registry';
import { resolveOptions, type SandboxOptions } from './options';
import { seedCitizens } from './seed/citizens';
import { SYSTEM_FACTORIES } from './systems';
import { controlCors } from './control/cors';

export interface BuiltSandbox {
  app: Koa;
  clock: SandboxClock;
  /** Stops the systems' own timers and outgoing requests (webhook retries, demo ticks). */
  closeSystems(): void;
}

/** Builds the app and hands back the clock too, which startSandbox exposes. */
export function buildSandbox(options: SandboxOptions): BuiltSandbox {
  const resolved = resolveOptions(options);
  const clock = new SandboxClock();
  const citizens = seedCitizens(resolved.seed);
  const kit: SystemKit = {
    clock,
    options: resolved,
    citizens,
    random: (stream) => Prng.derive(resolved.seed, stream),
    events: new SandboxEvents(resolved.log),
  };
  const registry = new SystemRegistry(SYSTEM_FACTORIES.map((create) => create(kit)));
  const faults = new FaultBoard(resolved.seed);
  const stats = new SystemStats();
  const resetAll = (): void => {
    for (const system of registry.all()) system.reset();
    faults.clear();
    stats.clear();
    clock.reset();
  };

  const app = new Koa();
  app.use(requestLog(resolved.log));
  app.use(controlCors());
  app.use(errorMiddleware(registry, resolved.log));
  // Faults come before body parsing: a dead server does not read the request.
  app.use(faultMiddleware(registry, faults, stats, resolved.log));
  app.use(bodyParser({ enableTypes: ['json'] }));

  for (const router of [
    clockRoutes(clock),
    faultRoutes(registry, faults),
    adminRoutes({ registry, stats, seed: resolved.seed, citizens, resetAll }),
  ]) {
    app.use(router.routes()).use(router.allowedMethods());
  }
  for (const system of registry.all()) {
    app.use(system.routes.routes()).use(system.routes.allowedMethods());
    if (system.controlRoutes) {
      const mount = new Router({ prefix: `/sandbox/${system.name}` });
      mount.use(system.controlRoutes.routes(), system.controlRoutes.allowedMethods());
      app.use(mount.routes()).use(mount.allowedMethods());
    }
  }
  const closeSystems = (): void => {
    for (const system of registry.all()) system.close?.();
  };
  return { app, clock, closeSystems };
}

/** The sandbox as a Koa app, without listening (for supertest: createSandbox(options).callback()). */
export function createSandbox(options: SandboxOptions): Koa {
  return buildSandbox(options).app;
}
