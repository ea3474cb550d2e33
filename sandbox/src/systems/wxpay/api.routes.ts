import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { bodyRecord, isRecord, nonEmptyString, type JsonRecord } from '../../core/input';
import { BillDownloads, sha1Hex, tradeBillText } from './bill';
import type { OrderRequest, TradeType } from './book';
import type { PayDesk } from './desk';
import { errorBody, WXPAY_ERRORS, type WxpayError } from './errors';
import { beijingDay, parseRfc3339 } from './ids';
import { refundWire, transactionWire } from './wire';

export interface ApiDeps {
  desk: PayDesk;
  downloads: BillDownloads;
  mchid: string;
  /** The mini-program / H5 appid bound to the merchant. */
  appid: string;
  nowMs: () => number;
}

const OUT_NO = /^[0-9A-Za-z_\-*|@]{6,32}$/;
const H5_TYPES = ['Wap', 'iOS', 'Android'];

export function fail(ctx: Context, error: WxpayError, detail?: string): void {
  ctx.status = error.status;
  ctx.body = detail === undefined ? errorBody(error) : { code: error.code, message: `${error.message}：${detail}` };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: WxpayError; detail?: string };

const bad = (detail: string): Parsed<never> => ({ ok: false, error: WXPAY_ERRORS.PARAM_ERROR, detail });

/** The common fields of JSAPI and H5 下单, checked as the platform checks them. */
function parseOrder(body: JsonRecord, tradeType: TradeType, deps: ApiDeps): Parsed<OrderRequest> {
  const appid = nonEmptyString(body.appid);
  const mchid = nonEmptyString(body.mchid);
  const description = nonEmptyString(body.description);
  const outTradeNo = nonEmptyString(body.out_trade_no);
  const notifyUrl = nonEmptyString(body.notify_url);
  const amount = isRecord(body.amount) ? body.amount : undefined;
  if (!appid) return bad('appid 为必填项');
  if (!mchid) return bad('mchid 为必填项');
  if (mchid !== deps.mchid) return { ok: false, error: WXPAY_ERRORS.MCH_NOT_EXISTS };
  if (appid !== deps.appid) return { ok: false, error: WXPAY_ERRORS.APPID_MCHID_NOT_MATCH };
  if (!description || description.length > 127) return bad('description 为必填项，最长127个字符');
  if (!outTradeNo || !OUT_NO.test(outTradeNo)) return bad('out_trade_no 须为6-32位数字、字母或_-*|@');
  if (!notifyUrl || !/^https?:\/\/[^\s?#]+$/.test(notifyUrl)) return bad('notify_url 须为不带参数的http(s)地址');
  const total = amount?.total;
  if (typeof total !== 'number' || !Number.isInteger(total) || total < 1) return bad('amount.total 须为正整数（分）');
  if (amount?.currency !== undefined && amount.currency !== 'CNY') return bad('amount.currency 仅支持CNY');
  const attach = body.attach;
  if (attach !== undefined && (typeof attach !== 'string' || attach.length > 128)) return bad('attach 最长128个字符');
  let timeExpireMs: number | undefined;
  if (body.time_expire !== undefined) {
    timeExpireMs = parseRfc3339(body.time_expire);
    if (timeExpireMs === undefined) return bad('time_expire 须为rfc3339格式，如2026-12-06T20:30:00+08:00');
  }
  return {
    ok: true,
    value: { tradeType, appid, description, outTradeNo, amountFen: total, notifyUrl, attach, timeExpireMs },
  };
}

function parseJsapi(body: JsonRecord, deps: ApiDeps): Parsed<OrderRequest> {
  const common = parseOrder(body, 'JSAPI', deps);
  if (!common.ok) return common;
  const openid = isRecord(body.payer) ? nonEmptyString(body.payer.openid) : undefined;
  if (!openid) return bad('payer.openid 为必填项');
  return { ok: true, value: { ...common.value, openid } };
}

function parseH5(body: JsonRecord, deps: ApiDeps): Parsed<OrderRequest> {
  const common = parseOrder(body, 'MWEB', deps);
  if (!common.ok) return common;
  const scene = isRecord(body.scene_info) ? body.scene_info : undefined;
  const payerClientIp = nonEmptyString(scene?.payer_client_ip);
  const h5Type = isRecord(scene?.h5_info) ? nonEmptyString(scene.h5_info.type) : undefined;
  if (!payerClientIp) return bad('scene_info.payer_client_ip 为必填项');
  if (!h5Type || !H5_TYPES.includes(h5Type)) return bad('scene_info.h5_info.type 须为Wap、iOS或Android');
  return { ok: true, value: { ...common.value, payerClientIp, h5Type } };
}

function mchidOk(ctx: Context, mchid: unknown, deps: ApiDeps): boolean {
  if (nonEmptyString(mchid) === undefined) {
    fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'mchid 为必填项');
    return false;
  }
  if (mchid !== deps.mchid) {
    fail(ctx, WXPAY_ERRORS.MCH_NOT_EXISTS);
    return false;
  }
  return true;
}

/** The platform's v3 API for a direct merchant (直连商户): ordering, query, close, refunds, the trade bill. */
export function apiRoutes(deps: ApiDeps, gate: Middleware): Router {
  const { desk } = deps;
  const router = new Router();
  router.use(gate);

  router.post('/v3/pay/transactions/jsapi', (ctx) => {
    const parsed = parseJsapi(bodyRecord(ctx.request.body), deps);
    if (!parsed.ok) return fail(ctx, parsed.error, parsed.detail);
    const outcome = desk.book.order(parsed.value, deps.nowMs());
    if (!outcome.ok) return fail(ctx, outcome.error);
    ctx.body = { prepay_id: outcome.value.prepayId };
  });

  router.post('/v3/pay/transactions/h5', (ctx) => {
    const parsed = parseH5(bodyRecord(ctx.request.body), deps);
    if (!parsed.ok) return fail(ctx, parsed.error, parsed.detail);
    const outcome = desk.book.order(parsed.value, deps.nowMs());
    if (!outcome.ok) return fail(ctx, outcome.error);
    ctx.body = { h5_url: `${ctx.protocol}://${ctx.host}/wxpay/cashier/${outcome.value.cashierToken ?? ''}` };
  });

  router.get('/v3/pay/transactions/out-trade-no/:outTradeNo', (ctx) => {
    if (!mchidOk(ctx, ctx.query.mchid, deps)) return;
    const order = desk.book.find(ctx.params.outTradeNo ?? '');
    if (!order) return fail(ctx, WXPAY_ERRORS.ORDER_NOT_EXIST);
    desk.settleRefunds();
    ctx.body = transactionWire(order, desk.book.stateOf(order, deps.nowMs()), deps.mchid);
  });

  router.post('/v3/pay/transactions/out-trade-no/:outTradeNo/close', (ctx) => {
    if (!mchidOk(ctx, bodyRecord(ctx.request.body).mchid, deps)) return;
    const outcome = desk.book.close(ctx.params.outTradeNo ?? '', deps.nowMs());
    if (!outcome.ok) return fail(ctx, outcome.error);
    ctx.status = 204;
  });

  router.post('/v3/refund/domestic/refunds', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const outTradeNo = nonEmptyString(body.out_trade_no);
    const outRefundNo = nonEmptyString(body.out_refund_no);
    const amount = isRecord(body.amount) ? body.amount : {};
    const { refund, total } = amount;
    const notifyUrl = nonEmptyString(body.notify_url);
    const reason = nonEmptyString(body.reason);
    if (!outTradeNo)
      return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'out_trade_no 为必填项（沙箱不支持按transaction_id退款）');
    if (!outRefundNo || !OUT_NO.test(outRefundNo)) return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'out_refund_no 格式错误');
    if (typeof refund !== 'number' || !Number.isInteger(refund) || refund < 1)
      return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'amount.refund 须为正整数（分）');
    if (typeof total !== 'number' || !Number.isInteger(total) || total < 1)
      return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'amount.total 须为正整数（分）');
    if (amount.currency !== 'CNY') return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'amount.currency 须为CNY');
    if (notifyUrl !== undefined && !/^https?:\/\/[^\s?#]+$/.test(notifyUrl))
      return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'notify_url 须为不带参数的http(s)地址');
    if (reason !== undefined && reason.length > 80) return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'reason 最长80个字符');
    const outcome = desk.refund({ outTradeNo, outRefundNo, refundFen: refund, totalFen: total, notifyUrl, reason });
    if (!outcome.ok) return fail(ctx, outcome.error);
    ctx.body = refundWire(outcome.value);
  });

  router.get('/v3/refund/domestic/refunds/:outRefundNo', (ctx) => {
    desk.settleRefunds();
    const refund = desk.book.findRefund(ctx.params.outRefundNo ?? '');
    if (!refund) return fail(ctx, WXPAY_ERRORS.RESOURCE_NOT_EXISTS);
    ctx.body = refundWire(refund);
  });

  router.get('/v3/bill/tradebill', (ctx) => {
    const day = nonEmptyString(ctx.query.bill_date);
    const type = ctx.query.bill_type ?? 'ALL';
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day))
      return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, 'bill_date 格式为yyyy-MM-dd');
    if (type !== 'ALL') return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, '沙箱仅支持bill_type=ALL');
    if (ctx.query.tar_type !== undefined) return fail(ctx, WXPAY_ERRORS.PARAM_ERROR, '沙箱不支持tar_type');
    const nowMs = deps.nowMs();
    // The bill of a day exists once the day is over (Beijing); the platform makes it the next morning.
    if (day >= beijingDay(nowMs)) return fail(ctx, WXPAY_ERRORS.STATEMENT_CREATING);
    desk.settleRefunds(nowMs);
    const text = tradeBillText(desk.book, day, deps.mchid);
    if (text === undefined) return fail(ctx, WXPAY_ERRORS.NO_STATEMENT_EXIST);
    const token = deps.downloads.issue(text, nowMs);
    ctx.body = {
      hash_type: 'SHA1',
      hash_value: sha1Hex(text),
      download_url: `${ctx.protocol}://${ctx.host}/v3/billdownload/file?token=${token}`,
    };
  });

  router.get('/v3/billdownload/file', (ctx) => {
    const text = deps.downloads.take(nonEmptyString(ctx.query.token) ?? '', deps.nowMs());
    if (text === undefined) return fail(ctx, WXPAY_ERRORS.BILL_TOKEN_INVALID);
    ctx.body = text;
    ctx.type = 'text/plain; charset=utf-8';
  });

  return router;
}
