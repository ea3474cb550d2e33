import type { IncomingMessage } from 'node:http';
import { maskName } from '@suijing/shared';
import type { Context } from 'koa';
import { escapeHtml, sendPage, type PageFrame } from '../../core/html-page';
import { toCompactDateTime } from '../../legacy/dates';
import type { NontaxDesk } from './desk';
import type { PayOrder } from './ledger';
import { yuan } from './money';

/** The page's form carries nothing but the button; anything larger is not ours. */
const MAX_FORM_BYTES = 256;

/**
 * GET /nontax/cashier/:token: the platform's cashier (广东省非税收入缴款) for one
 * payment order. The real one offers bank, WeChat and Alipay channels; here
 * one button stands for the whole payment.
 */
export function showCashier(desk: NontaxDesk) {
  return (ctx: Context, token: string): void => {
    const order = desk.ledger.orderByToken(token);
    if (!order) return page(ctx, 404, '订单不存在', '<p class="note">该缴款订单不存在，请返回原页面重新发起缴款。</p>');
    const state = desk.ledger.stateOf(order);
    if (state === 'paid' || state === 'refunded') return paidPage(ctx, desk, order);
    if (state === 'closed')
      return page(
        ctx,
        410,
        '订单已关闭',
        '<p class="note">该缴款订单已关闭或已过期，请返回原页面重新发起缴款。</p>' + back(order),
      );
    const bill = desk.ledger.findBill(order.jkm);
    if (bill && desk.ledger.billNow(bill).state === 'paid') {
      return page(ctx, 409, '该缴款码已缴款', '<p class="note">该缴款码已有缴款记录，无需重复缴款。</p>' + back(order));
    }
    page(ctx, 200, '请核对缴款信息', details(desk, order, true));
  };
}

/**
 * POST /nontax/cashier/:token (the 确认缴款 button): pays the order, then 303 to its return URL.
 * A tab opened before another tab paid the same 缴款码 still pays: the money moves, the app refunds.
 */
export function submitCashier(desk: NontaxDesk) {
  return async (ctx: Context, token: string): Promise<void> => {
    await drain(ctx.req);
    const order = desk.ledger.orderByToken(token);
    if (!order) return page(ctx, 404, '订单不存在', '<p class="note">该缴款订单不存在，请返回原页面重新发起缴款。</p>');
    const payment = desk.pay(order.ddh);
    switch (payment.kind) {
      case 'paid':
        ctx.status = 303;
        ctx.redirect(order.returnUrl);
        return;
      case 'already-paid':
        return paidPage(ctx, desk, order);
      case 'void':
        return page(ctx, 409, '该缴款码已作废', '<p class="note">请联系执收单位核实。</p>' + back(order));
      case 'closed':
      case 'unknown':
        return page(
          ctx,
          410,
          '订单已关闭',
          '<p class="note">该缴款订单已关闭或已过期，请返回原页面重新发起缴款。</p>' + back(order),
        );
    }
  };
}

function paidPage(ctx: Context, desk: NontaxDesk, order: PayOrder): void {
  const receipt = order.settlement ? `<p class="note">财政电子票据号：${escapeHtml(order.settlement.pjh)}</p>` : '';
  page(ctx, 200, '缴款成功', details(desk, order, false) + receipt + back(order));
}

function details(desk: NontaxDesk, order: PayOrder, payable: boolean): string {
  const bill = desk.ledger.findBill(order.jkm);
  const fineFen = bill?.fineFen ?? order.amountFen;
  const lateFeeFen = Math.max(0, order.amountFen - fineFen);
  const until = toCompactDateTime(new Date(order.expiresAt));
  const rows: Array<[string, string]> = [
    ['决定书编号', bill?.jdsbh ?? ''],
    ['缴款码', order.jkm.replace(/(\d{4})(?=\d)/g, '$1 ')],
    ['执收单位', bill?.cjjgmc ?? ''],
    ['缴款人', bill ? maskName(bill.xm) : ''],
    ['罚款', `¥${yuan(fineFen)}`],
    ['加处罚款', `¥${yuan(lateFeeFen)}`],
  ];
  const list = rows.map(([term, value]) => `<dt>${term}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  const total = `<div class="total"><span>合计</span><b>¥${yuan(order.amountFen)}</b></div>`;
  const action = payable
    ? `<form method="post"><button type="submit">确认缴款</button></form>
<p class="note">请在 ${until.slice(8, 10)}:${until.slice(10, 12)}（北京时间）前完成缴款。沙箱页面：真实环境在此选择银行、微信或支付宝付款。</p>`
    : '';
  return `<dl>${list}</dl>${total}${action}`;
}

function back(order: PayOrder): string {
  return `<p><a class="back" href="${escapeHtml(order.returnUrl)}">返回</a></p>`;
}

const FRAME: PageFrame = {
  // No scripts and nothing from elsewhere; the form posts here and is redirected on to the app.
  csp: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:",
  style: `body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f2f4f7;color:#1f2329}
header{background:#c8161d;color:#fff;padding:14px 16px;font-size:16px;font-weight:600}
main{max-width:480px;margin:0 auto;padding:16px}h1{font-size:20px;margin:4px 0 12px}
dl{background:#fff;margin:0;padding:8px 16px;border-radius:8px;display:grid;grid-template-columns:auto 1fr;gap:8px 12px}
dt{color:#646a73;font-size:14px}dd{margin:0;font-size:14px;text-align:right;word-break:break-all}
.total{display:flex;justify-content:space-between;align-items:baseline;background:#fff;margin-top:12px;padding:14px 16px;border-radius:8px}
.total b{color:#c8161d;font-size:24px}
button{width:100%;margin-top:20px;font-size:17px;padding:13px;border:0;border-radius:8px;background:#c8161d;color:#fff}
.note{color:#646a73;font-size:13px;line-height:1.6}.back{color:#0958d9}`,
  banner: '<header>广东省非税收入缴款</header>',
};

function page(ctx: Context, status: number, title: string, content: string): void {
  sendPage(ctx, FRAME, status, title, content);
}

/** Reads (and drops) the small form body, so the connection stays usable. */
async function drain(req: IncomingMessage): Promise<void> {
  let size = 0;
  for await (const chunk of req) {
    size += Buffer.isBuffer(chunk) ? chunk.length : String(chunk).length;
    if (size > MAX_FORM_BYTES) break;
  }
}
