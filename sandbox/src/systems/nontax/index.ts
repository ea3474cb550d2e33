import Router from '@koa/router';
import type { SystemFactory } from '../../core/system';
import { nontaxApiRoutes } from './api.routes';
import { CallbackDispatcher } from './callback-dispatcher';
import { showCashier, submitCashier } from './cashier-page';
import { nontaxControlRoutes } from './control.routes';
import { NontaxDesk } from './desk';
import { NonceBook, unsignedRefusal } from './envelope';
import { NONTAX_ERRORS } from './errors';
import { NontaxLedger } from './ledger';
import { fenOf } from './money';

/**
 * The provincial non-tax revenue platform (广东省非税收入收缴, 缴款码) as an
 * integrating app sees it: a 缴款码 per 处罚决定书 (opened when the traffic
 * system issues a decision), today's amount with 加处罚款, payment orders
 * paid at the platform's cashier page, signed callbacks with retries,
 * refunds and the daily 对账单. Dialect: bff/src/upstreams/nontax/nontax.dialect.ts.
 */
export const createNontaxSystem: SystemFactory = (kit) => {
  const ledger = new NontaxLedger(() => kit.clock.nowMs());
  const dispatcher = new CallbackDispatcher(kit.options.nontax, kit.clock, kit.options.log);
  const desk = new NontaxDesk(ledger, dispatcher, kit.events, kit.clock);
  const nonces = new NonceBook();

  kit.events.on('decisionIssued', (decision) => {
    const fineFen = fenOf(decision.fkje);
    if (fineFen === undefined) throw new Error(`nontax: decision ${decision.jdsbh} has no usable fine`);
    ledger.openBill({
      jdsbh: decision.jdsbh,
      wfbh: decision.wfbh,
      sfzmhm: decision.sfzmhm,
      xm: decision.xm,
      fineFen,
      jdsj: decision.jdsj,
      cjjgmc: decision.cjjgmc,
    });
  });

  const api = nontaxApiRoutes({ app: kit.options.nontax, desk, nonces });
  const routes = new Router();
  routes.use(api.routes(), api.allowedMethods());
  const show = showCashier(desk);
  const submit = submitCashier(desk);
  routes.get('/nontax/cashier/:token', (ctx) => show(ctx, ctx.params.token ?? ''));
  routes.post('/nontax/cashier/:token', (ctx) => submit(ctx, ctx.params.token ?? ''));

  return {
    name: 'nontax',
    prefixes: ['/nontax'],
    routes,
    controlRoutes: nontaxControlRoutes(desk),
    failure: () => ({ status: 500, body: unsignedRefusal(NONTAX_ERRORS.BUSY, kit.clock.nowMs()) }),
    badRequest: () => ({ status: 200, body: unsignedRefusal(NONTAX_ERRORS.BAD_PARAMS, kit.clock.nowMs()) }),
    reset: () => {
      dispatcher.stop();
      ledger.reset();
      nonces.clear();
    },
    close: () => dispatcher.stop(),
  };
};
