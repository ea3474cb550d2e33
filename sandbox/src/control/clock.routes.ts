import Router from '@koa/router';
import { isValidCompactDate } from '@suijing/shared';
import type { Context } from 'koa';
import type { SandboxClock } from '../core/clock';
import { bodyRecord } from '../core/input';
import { controlError } from './reply';

/**
 * GET  /sandbox/clock        -> {now, offsetMs}
 * POST /sandbox/clock        {advanceMs} | {set: ISO}   -> {now, offsetMs}
 * POST /sandbox/clock/reset  -> {now, offsetMs}
 */
export function clockRoutes(clock: SandboxClock): Router {
  const router = new Router({ prefix: '/sandbox/clock' });
  const state = (ctx: Context): void => {
    ctx.body = { now: clock.now().toISOString(), offsetMs: clock.offsetMs };
  };

  router.get('/', state);

  router.post('/', (ctx) => {
    const { advanceMs, set } = bodyRecord(ctx.request.body);
    if ((advanceMs === undefined) === (set === undefined)) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'send exactly one of {advanceMs: number} or {set: ISO date-time}');
    }
    if (advanceMs !== undefined) {
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs)) {
        return controlError(ctx, 400, 'BAD_REQUEST', 'advanceMs must be a finite number of milliseconds');
      }
      clock.advance(Math.trunc(advanceMs));
    } else {
      const instant = typeof set === 'string' ? parseIsoDateTime(set) : undefined;
      if (!instant)
        return controlError(
          ctx,
          400,
          'BAD_REQUEST',
          'set must be an ISO 8601 date-time, e.g. 2026-11-28T09:00:00+08:00',
        );
      clock.set(instant);
    }
    state(ctx);
  });

  router.post('/reset', (ctx) => {
    clock.reset();
    state(ctx);
  });

  return router;
}

/**
 * Only full ISO date-times with a zone: Date.parse alone takes "1", "Nov 28"
 * or 30 February (rolling it into March), which would hide test mistakes.
 */
function parseIsoDateTime(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  if (!isValidCompactDate(value.slice(0, 10).replaceAll('-', ''))) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}
