import { ASSURANCE, HealthSchema, ReadinessSchema, type Readiness } from '@suijing/shared';
import type { Connection } from 'mongoose';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import type { UpstreamClient } from '../../upstreams/upstream-client';

/**
 * A real round trip, not mongoose's readyState: that reads "disconnected" until
 * a heartbeat succeeds again (up to 20 s after MongoDB is back), while requests
 * already work.
 */
async function pingDatabase(connection: Connection): Promise<{ ok: boolean; detail?: string }> {
  const db = connection.db;
  if (!db) return { ok: false, detail: 'not connected' };
  try {
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out')), 1000).unref()),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : 'ping failed' };
  }
}

export interface HealthDeps {
  connection: Connection;
  upstreams: UpstreamClient[];
  /** True once the instance was told to stop: not ready, so the load balancer sends nothing new. */
  draining?: () => boolean;
}

export function healthRoutes(routes: ApiRoutes, deps: HealthDeps): void {
  defineRoute(routes, {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: the process answers',
    tags: ['运维'],
    assurance: ASSURANCE.public,
    response: { status: 200, schema: HealthSchema, description: '存活' },
    selfContained: true,
    handler: async () => ({ status: 'ok' as const }),
  });

  defineRoute(routes, {
    method: 'get',
    path: '/readyz',
    summary:
      'Readiness: MongoDB reachable (required) and each upstream circuit (degraded when open); 503 while draining',
    tags: ['运维'],
    assurance: ASSURANCE.public,
    response: { status: 200, schema: ReadinessSchema, description: '就绪或降级' },
    errors: [
      {
        status: 503,
        schema: ReadinessSchema,
        description: '不可用: MongoDB unreachable, or the instance is draining before it stops (the checks say which)',
      },
    ],
    handler: async (ctx) => {
      if (deps.draining?.()) {
        ctx.status = 503;
        return {
          status: 'unavailable' as const,
          checks: { lifecycle: { ok: false, detail: 'draining: shutting down' } },
        };
      }
      const checks: Readiness['checks'] = { mongodb: await pingDatabase(deps.connection) };
      for (const upstream of deps.upstreams) {
        const state = upstream.circuitState;
        checks[upstream.name] = { ok: state !== 'open', detail: `circuit ${state}` };
      }
      const status: Readiness['status'] = !checks['mongodb']?.ok
        ? 'unavailable'
        : Object.values(checks).every((c) => c.ok)
          ? 'ready'
          : 'degraded';
      // Readiness is the one place a 503 is a normal answer rather than an error.
      if (status === 'unavailable') ctx.status = 503;
      return { status, checks };
    },
  });
}
