import Router from '@koa/router';
import type { Context } from 'koa';
import { parseFaultConfig } from '../core/fault-config';
import type { FaultBoard, FaultConfig } from '../core/faults';
import type { SystemRegistry } from '../core/system-registry';
import { controlError } from './reply';

/**
 * GET    /sandbox/faults          -> {faults: {<system>: FaultConfig}} for every registered system
 * PUT    /sandbox/faults/:system  {latencyMs?, errorRate?, down?, malformed?} -> {system, faults}
 *                                 (replaces that system's faults; fields left out are off)
 * DELETE /sandbox/faults          -> all systems healthy again
 * DELETE /sandbox/faults/:system  -> that system healthy again
 */
export function faultRoutes(registry: SystemRegistry, faults: FaultBoard): Router {
  const router = new Router({ prefix: '/sandbox/faults' });
  const all = (): Record<string, FaultConfig> =>
    Object.fromEntries(registry.names().map((name) => [name, faults.get(name)]));
  const knownSystem = (ctx: Context, name: string): boolean => {
    if (registry.get(name)) return true;
    controlError(ctx, 404, 'UNKNOWN_SYSTEM', `unknown system "${name}"; known: ${registry.names().join(', ')}`);
    return false;
  };

  router.get('/', (ctx) => {
    ctx.body = { faults: all() };
  });

  router.put('/:system', (ctx) => {
    const name = ctx.params.system ?? '';
    if (!knownSystem(ctx, name)) return;
    const parsed = parseFaultConfig(ctx.request.body);
    if (!parsed.ok) return controlError(ctx, 400, 'BAD_REQUEST', parsed.error);
    faults.set(name, parsed.value);
    ctx.body = { system: name, faults: faults.get(name) };
  });

  router.delete('/', (ctx) => {
    faults.clear();
    ctx.body = { faults: all() };
  });

  router.delete('/:system', (ctx) => {
    const name = ctx.params.system ?? '';
    if (!knownSystem(ctx, name)) return;
    faults.clear(name);
    ctx.body = { system: name, faults: faults.get(name) };
  });

  return router;
}
