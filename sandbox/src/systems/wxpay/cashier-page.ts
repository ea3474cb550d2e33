import type { Context } from 'koa';
import { escapeHtml, readForm, sendPage, type PageFrame } from '../../core/html-page';
import type { WxOrder } from './book';
import type { PayDesk } from './desk';

/** The page's form is a redirect URL; anything larger is not ours. */
const MAX_FORM_BYTES = 4096;

export interface CashierDeps {
  desk: PayDesk;
  /** The merchant's name as the cashier shows it. */
  merchantName: string;
  nowMs: () => number;
}

/**
 * The token of a cashier URL, and a redirect_url the caller glued on with '&' to a URL
 * without a query (WeChat's h5_url has one; ours does not, so be forgiving).
 */
function splitToken(raw: string, query: Context['query']): { token: string; redirectUrl: string | undefined } {
  const [token = '', glued] = raw.split('&', 2);
  const fromQuery = typeof query.redirect_url === 'string' ? query.redirect_url : undefined;
  const fromPath = glued?.startsWith('redirect_url=')
    ? decodeURIComponent(glued.slice('redirect_url='.length))
    : undefined;
  return { token, redirectUrl: fromQuery ?? fromPath };
}

/** Only http(s) URLs are followed (no javascript: and the like). */
function safeRedirect(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GET /wxpay/cashier/:token[?redirect_url=...]: the H5 cashier (in real life WeChat's 收银台 that opens the
 * WeChat app). Shows the merchant, what is paid and the amount, with one 确认支付 button.
 */
export function showCashier(deps: CashierDeps) {
  return (ctx: Context): void => {
    const { token, redirectUrl } = splitToken(ctx.params.token ?? '', ctx.query);
    const order = deps.desk.book.findByToken(token);
    if (!order) return page(ctx, 404, '订单不存在', '<p class="note">支付链接无效，请返回商户页面重新发起支付。</p>');
    const state = deps.desk.book.stateOf(order, deps.nowMs());
    if (state === 'SUCCESS' || state === 'REFUND') return done(ctx, order, safeRedirect(redirectUrl), '该订单已支付');
    if (state === 'CLOSED')
      return page(ctx, 410, '订单已关闭', '<p class="note">订单已关闭或已超时，请返回商户页面重新下单。</p>');
    page(ctx, 200, '微信支付', payForm(order, deps.merchantName, safeRedirect(redirectUrl)));
  };
}

/** POST /wxpay/cashier/:token (form: redirect_url): pays, then 303 to redirect_url (or a done page). */
export function submitCashier(deps: CashierDeps) {
  return async (ctx: Context): Promise<void> => {
    const form = await readForm(ctx.req, MAX_FORM_BYTES);
    const { token } = splitToken(ctx.params.token ?? '', ctx.query);
    const redirectUrl = safeRedirect(form?.get('redirect_url') ?? undefined);
    const order = deps.desk.book.findByToken(token);
    if (!order) return page(ctx, 404, '订单不存在', '<p class="note">支付链接无效，请返回商户页面重新发起支付。</p>');
    const result = deps.desk.pay(order.outTradeNo);
    if (result.kind === 'closed' || result.kind === 'expired')
      return page(ctx, 410, '订单已关闭', '<p class="note">订单已关闭或已超时，请返回商户页面重新下单。</p>');
    if (redirectUrl !== undefined) {
      ctx.status = 303;
      ctx.redirect(redirectUrl);
      return;
    }
    done(ctx, order, undefined, result.kind === 'paid' ? '支付成功' : '该订单已支付');
  };
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

function payForm(order: WxOrder, merchantName: string, redirectUrl: string | undefined): string {
  const hidden =
    redirectUrl === undefined ? '' : `<input type="hidden" name="redirect_url" value="${escapeHtml(redirectUrl)}">`;
  return `<section class="card">
<p class="merchant">${escapeHtml(merchantName)}</p>
<p class="desc">${escapeHtml(order.description)}</p>
<p class="amount"><span>¥</span>${yuan(order.amountFen)}</p>
</section>
<form method="post">${hidden}
<button type="submit" class="pay">确认支付</button>
</form>
<p class="note">沙箱收银台：真实环境将拉起微信客户端完成支付。</p>`;
}

function done(ctx: Context, order: WxOrder, redirectUrl: string | undefined, title: string): void {
  const back =
    redirectUrl === undefined
      ? '<p class="note">请返回商户页面查看结果。</p>'
      : `<a class="pay" href="${escapeHtml(redirectUrl)}">返回商户</a>`;
  page(
    ctx,
    200,
    title,
    `<section class="card"><p class="desc">${escapeHtml(order.description)}</p>
<p class="amount"><span>¥</span>${yuan(order.amountFen)}</p></section>${back}`,
  );
}

const FRAME: PageFrame = {
  // No scripts, nothing from elsewhere; the form posts here and is redirected on to the merchant.
  csp: "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:",
  style: `body{font-family:-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#ededed;color:#111}
main{max-width:480px;margin:0 auto;padding:24px 16px}h1{font-size:17px;font-weight:500;text-align:center;margin:0 0 16px}
.card{background:#fff;border-radius:8px;padding:24px 16px;text-align:center}.merchant{color:#111;font-size:16px;margin:0 0 4px}
.desc{color:#666;font-size:14px;margin:0 0 16px;word-break:break-all}.amount{font-size:40px;font-weight:600;margin:0}
.amount span{font-size:24px;margin-right:2px}form{margin:24px 0 0}
.pay{display:block;width:100%;box-sizing:border-box;padding:12px;border:0;border-radius:8px;background:#05813f;color:#fff;
font-size:17px;text-align:center;text-decoration:none;margin-top:24px}form .pay{margin-top:0}
.note{color:#595959;font-size:12px;text-align:center;margin-top:16px}`,
};

function page(ctx: Context, status: number, title: string, content: string): void {
  sendPage(ctx, FRAME, status, title, content);
}
