import { isValidCompactDate, maskName } from '@suijing/shared';
import Router from '@koa/router';
import type { Context } from 'koa';
import { fromCompactDateTime, toCompactDateTime } from '../../legacy/dates';
import type { NontaxDesk } from './desk';
import { answer, openRequest, type NonceBook } from './envelope';
import { NONTAX_ERRORS, type NontaxError } from './errors';
import type { BillNow, NontaxLedger, PayOrder, StatementLine } from './ledger';
import { fenOf, yuan } from './money';
import type { NontaxApp } from './signature';

const ORDER_NO = /^[A-Za-z0-9_-]{6,32}$/;
const MAX_URL = 1024;
const MAX_REASON = 80;

export interface ApiDeps {
  app: NontaxApp;
  desk: NontaxDesk;
  nonces: NonceBook;
}

/** The path of an order's cashier page. */
export function cashierPath(token: string): string {
  return `/nontax/cashier/${token}`;
}

/**
 * The platform's API for an integrating app (all POST JSON, flat string parameters,
 * common parameters appId, timestamp, nonce, signType=HMAC-SHA256, sign):
 *   /nontax/api/v1/bill/query       {jdsbh | jkm}                       -> bill (today's amount)
 *   /nontax/api/v1/payment/create   {jkm, ddh, jyje, tzdz, fhdz, sxsj}  -> {ddh, jkm, jyje, syturl, sxsj}
 *   /nontax/api/v1/payment/query    {ddh}                               -> order and its settlement
 *   /nontax/api/v1/payment/close    {ddh}                               -> {ddh, zt: '2'} | 2007 already paid
 *   /nontax/api/v1/payment/refund   {ddh, tkdh, tkje, tkyy}             -> {ddh, tkdh, tklsh, tkje, tksj}
 *   /nontax/api/v1/statement/query  {dzrq}                              -> {dzrq, bs, mx: [...]}
 * Details: bff/src/upstreams/nontax/nontax.dialect.ts.
 */
export function nontaxApiRoutes(deps: ApiDeps): Router {
  const router = new Router({ prefix: '/nontax/api/v1' });
  const handle =
    (work: (params: Record<string, string>, ctx: Context) => Result) =>
    (ctx: Context): void => {
      const nowMs = deps.desk.clock.nowMs();
      const opened = openRequest(ctx.request.body, deps.app, nowMs, deps.nonces);
      if (!opened.ok) return answer(ctx, deps.app, nowMs, { error: opened.error, signed: opened.authenticated });
      const result = work(opened.params, ctx);
      answer(ctx, deps.app, nowMs, 'data' in result ? result : { error: result.error, signed: true });
    };

  router.post(
    '/bill/query',
    handle((params) => queryBill(deps, params)),
  );
  router.post(
    '/payment/create',
    handle((params, ctx) => createPayment(deps, params, ctx)),
  );
  router.post(
    '/payment/query',
    handle((params) => queryPayment(deps, params)),
  );
  router.post(
    '/payment/close',
    handle((params) => closePayment(deps, params)),
  );
  router.post(
    '/payment/refund',
    handle((params) => refundPayment(deps, params)),
  );
  router.post(
    '/statement/query',
    handle((params) => statement(deps, params)),
  );
  return router;
}

type Result = { data: Record<string, unknown> } | { error: NontaxError };

function queryBill(deps: ApiDeps, params: Record<string, string>): Result {
  const ref = params.jkm ?? params.jdsbh;
  if (!ref) return { error: NONTAX_ERRORS.BAD_PARAMS };
  const bill = deps.desk.ledger.findBill(ref);
  // Asked by one number, the bill must be that number's (a 决定书编号 is never a 缴款码).
  if (!bill || (params.jkm !== undefined && bill.jkm !== params.jkm)) return { error: NONTAX_ERRORS.NO_BILL };
  if (params.jdsbh !== undefined && bill.jdsbh !== params.jdsbh) return { error: NONTAX_ERRORS.NO_BILL };
  return { data: billData(deps.desk.ledger.billNow(bill)) };
}

export function billData(now: BillNow): Record<string, unknown> {
  const { bill, paid } = now;
  return {
    jkm: bill.jkm,
    jdsbh: bill.jdsbh,
    zsdwmc: bill.cjjgmc,
    jkrmc: maskName(bill.xm),
    fkje: yuan(now.fineFen),
    jcfk: yuan(now.lateFeeFen),
    yjje: yuan(now.totalFen),
    jfqx: now.dueDay,
    zt: { unpaid: '0', paid: '1', void: '2' }[now.state],
    ...(paid ? { jkrq: toCompactDateTime(new Date(paid.paidAt)), pjh: paid.pjh, jylsh: paid.jylsh } : {}),
  };
}

function createPayment(deps: ApiDeps, params: Record<string, string>, ctx: Context): Result {
  const { jkm, ddh, tzdz, fhdz, sxsj } = params;
  const amountFen = fenOf(params.jyje);
  const expiresAt = sxsj === undefined ? undefined : fromCompactDateTime(sxsj);
  const notifyUrl = webUrl(tzdz);
  const returnUrl = webUrl(fhdz);
  if (!jkm || !ddh || !ORDER_NO.test(ddh) || amountFen === undefined || amountFen <= 0)
    return { error: NONTAX_ERRORS.BAD_PARAMS };
  if (!notifyUrl || !returnUrl || !expiresAt || expiresAt.getTime() <= deps.desk.clock.nowMs()) {
    return { error: NONTAX_ERRORS.BAD_PARAMS };
  }
  const registered = deps.desk.ledger.register({
    ddh,
    jkm,
    amountFen,
    notifyUrl,
    returnUrl,
    expiresAt: expiresAt.getTime(),
  });
  switch (registered.kind) {
    case 'no-bill':
      return { error: NONTAX_ERRORS.NO_BILL };
    case 'void':
      return { error: NONTAX_ERRORS.BILL_VOID };
    case 'paid':
      return { error: NONTAX_ERRORS.BILL_PAID };
    case 'amount':
      return { error: NONTAX_ERRORS.AMOUNT_MISMATCH };
    case 'conflict':
      return { error: NONTAX_ERRORS.ORDER_CONFLICT };
    case 'ok': {
      const { order } = registered;
      const data = {
        ddh: order.ddh,
        jkm: order.jkm,
        jyje: yuan(order.amountFen),
        syturl: `${ctx.protocol}://${ctx.host}${cashierPath(order.token)}`,
        sxsj: toCompactDateTime(new Date(order.expiresAt)),
      };
      return { data };
    }
  }
}

const ORDER_STATES = { pending: '0', paid: '1', closed: '2', refunded: '3' } as const;

export function orderData(ledger: NontaxLedger, order: PayOrder): Record<string, unknown> {
  const settlement = order.settlement;
  const refund = settlement?.refund;
  return {
    ddh: order.ddh,
    jkm: order.jkm,
    jyje: yuan(order.amountFen),
    zt: ORDER_STATES[ledger.stateOf(order)],
    sxsj: toCompactDateTime(new Date(order.expiresAt)),
    ...(settlement
      ? { jylsh: settlement.jylsh, zfsj: toCompactDateTime(new Date(settlement.paidAt)), pjh: settlement.pjh }
      : {}),
    ...(refund ? { tkdh: refund.tkdh, tklsh: refund.tklsh, tksj: toCompactDateTime(new Date(refund.refundedAt)) } : {}),
  };
}

function queryPayment(deps: ApiDeps, params: Record<string, string>): Result {
  if (!params.ddh) return { error: NONTAX_ERRORS.BAD_PARAMS };
  const order = deps.desk.ledger.findOrder(params.ddh);
  return order ? { data: orderData(deps.desk.ledger, order) } : { error: NONTAX_ERRORS.NO_ORDER };
}

function closePayment(deps: ApiDeps, params: Record<string, string>): Result {
  if (!params.ddh) return { error: NONTAX_ERRORS.BAD_PARAMS };
  const order = deps.desk.ledger.findOrder(params.ddh);
  if (!order) return { error: NONTAX_ERRORS.NO_ORDER };
  if (deps.desk.ledger.close(order) === 'paid') return { error: NONTAX_ERRORS.ORDER_PAID };
  return { data: { ddh: order.ddh, zt: ORDER_STATES.closed } };
}

function refundPayment(deps: ApiDeps, params: Record<string, string>): Result {
  const { ddh, tkdh, tkyy } = params;
  const amountFen = fenOf(params.tkje);
  if (!ddh || !tkdh || !ORDER_NO.test(tkdh) || amountFen === undefined || !tkyy || tkyy.length > MAX_REASON) {
    return { error: NONTAX_ERRORS.BAD_PARAMS };
  }
  const result = deps.desk.ledger.refund({ ddh, tkdh, amountFen, reason: tkyy });
  switch (result.kind) {
    case 'unknown':
      return { error: NONTAX_ERRORS.NO_ORDER };
    case 'not-paid':
      return { error: NONTAX_ERRORS.NOT_PAID };
    case 'amount':
      return { error: NONTAX_ERRORS.REFUND_AMOUNT };
    case 'conflict':
      return { error: NONTAX_ERRORS.REFUND_CONFLICT };
    case 'refunded':
      return { error: NONTAX_ERRORS.ALREADY_REFUNDED };
    case 'ok': {
      const { order, refund } = result;
      const data = {
        ddh: order.ddh,
        tkdh: refund.tkdh,
        tklsh: refund.tklsh,
        tkje: yuan(refund.amountFen),
        tksj: toCompactDateTime(new Date(refund.refundedAt)),
      };
      return { data };
    }
  }
}

function statement(deps: ApiDeps, params: Record<string, string>): Result {
  const day = params.dzrq;
  if (!day || !isValidCompactDate(day)) return { error: NONTAX_ERRORS.BAD_PARAMS };
  const lines = deps.desk.ledger.statement(day);
  return { data: { dzrq: day, bs: String(lines.length), mx: lines.map((line) => statementLine(deps, line)) } };
}

function statementLine(deps: ApiDeps, { kind, order, settlement }: StatementLine): Record<string, string> {
  const refund = settlement.refund;
  return {
    lx: kind === 'payment' ? '1' : '2',
    ddh: order.ddh,
    jkm: order.jkm,
    jdsbh: deps.desk.ledger.findBill(order.jkm)?.jdsbh ?? '',
    jyje: yuan(settlement.amountFen),
    jylsh: settlement.jylsh,
    zfsj: toCompactDateTime(new Date(settlement.paidAt)),
    pjh: settlement.pjh,
    ...(kind === 'refund' && refund
      ? {
          tkdh: refund.tkdh,
          tklsh: refund.tklsh,
          tkje: yuan(refund.amountFen),
          tksj: toCompactDateTime(new Date(refund.refundedAt)),
        }
      : {}),
  };
}

/** An absolute http(s) URL, or undefined. */
function webUrl(value: string | undefined): string | undefined {
  if (value === undefined || value.length > MAX_URL) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
