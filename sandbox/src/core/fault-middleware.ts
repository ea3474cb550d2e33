import { setTimeout as sleep } from 'node:timers/promises';
import type { Middleware } from 'koa';
import type { FaultBoard } from './faults';
import type { SystemRegistry } from './system-registry';
import type { SystemStats } from './stats';

/**
 * Applies the faults of the system a request belongs to, in the order a
 * real failure shows up on the wire: latency first (a slow network or
 * back end), then a dead server (connection dropped, no answer), then the
 * system's own HTTP 500 at errorRate (refused before doing anything), and
 * finally a malformed answer (the work was done, the answer got cut off).
 */
export function faultMiddleware(
  registry: SystemRegistry,
  faults: FaultBoard,
  stats: SystemStats,
  log: (line: string) => void,
): Middleware {
  return async (ctx, next) => {
    const system = registry.forPath(ctx.path);
    if (!system) return next();
    stats.count(system.name, 'requests');
    const fault = faults.get(system.name);

    if (fault.latencyMs > 0) {
      stats.count(system.name, 'delayed');
      await sleep(fault.latencyMs);
    }

    if (fault.down) {
      stats.count(system.name, 'dropped');
      log(`fault ${system.name}: down, dropping ${ctx.method} ${ctx.path}`);
      ctx.respond = false;
      ctx.req.socket.destroy();
      return;
    }

    if (faults.shouldFail(system.name)) {
      stats.count(system.name, 'failed');
      const reply = system.failure();
      ctx.status = reply.status;
      ctx.body = reply.body;
      return;
    }

    await next();

    if (fault.malformed) {
      stats.count(system.name, 'malformed');
      ctx.status = 200;
      // Keep the content type the client expects: it must find out from the body, as with a cut-off proxy answer.
      const type = ctx.type || 'application/json';
      ctx.body = truncated(ctx.body);
      ctx.type = type;
    }
  };
}

/** The first half of the serialized body, guaranteed not to parse as JSON. */
export function truncated(body: unknown): string {
  const text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
  const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  return parsesAsJson(cut) ? `${cut}{` : cut;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
