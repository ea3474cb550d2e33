import Router from '@koa/router';
import { nonEmptyString } from '../../core/input';
import type { Outbox } from './outbox';

/**
 * Sandbox-only, mounted under /sandbox/sms:
 * GET /outbox?phone=13800000000 -> {items: [{msgId, mobile, templateId, text, params, sentAt}]} newest first
 * (all phones when phone is left out). This is the "phone" of every test user.
 */
export function smsControlRoutes(outbox: Outbox): Router {
  const router = new Router();
  router.get('/outbox', (ctx) => {
    ctx.body = { items: outbox.list(nonEmptyString(ctx.query.phone)) };
  });
  return router;
}
