import { maskIdNumber, maskName } from '@suijing/shared';
import type { Context } from 'koa';
import { escapeHtml, readForm, sendPage, type PageFrame } from '../../core/html-page';
import { isInPersonOutcome, type InPersonOutcome, type PersonOutcomes } from '../../core/in-person-outcomes';
import { toCompactDateTime } from '../../legacy/dates';
import type { CtidDeps } from './api.routes';
import type { CtidRequest } from './requests';

/** The page's form is a few bytes; anything larger is not ours. */
const MAX_FORM_BYTES = 1024;

/** What the person can make happen, in the order the page offers it. */
const CHOICES: ReadonlyArray<{ outcome: InPersonOutcome; label: string }> = [
  { outcome: 'pass', label: '本人确认' },
  { outcome: 'not-same-person', label: '不是本人' },
  { outcome: 'no-face', label: '未检测到人脸' },
  { outcome: 'liveness-failed', label: '活体检测失败' },
  { outcome: 'timeout', label: '超时' },
  { outcome: 'cancel', label: '取消' },
  { outcome: 'fail', label: '其他失败' },
];

export interface PageDeps extends CtidDeps {
  outcomes: PersonOutcomes;
}

/**
 * GET /ctid/h5/authorize/:token: the authorisation page the jump URL (or the QR)
 * opens. In real life the 国家网络身份认证 App shows who asks, takes a live face
 * and answers; here the person picks what "happened". Masked identity only.
 */
export function showAuthPage(deps: PageDeps) {
  return (ctx: Context, token: string): void => {
    const request = deps.requests.find(token);
    if (!request || request.token !== token) return page(ctx, 404, '授权请求不存在或已结束', '');
    if (request.outcome !== undefined) return page(ctx, 409, '已完成授权', '<p>请返回原页面继续办理。</p>');
    if (deps.requests.isExpired(request)) return page(ctx, 410, '授权请求已过期', '<p>请返回原页面重新发起。</p>');
    page(ctx, 200, '国家网络身份认证（沙箱）', form(request, deps.outcomes.get(request.idNumber)));
  };
}

/**
 * POST /ctid/h5/authorize/:token  (form: outcome=pass|not-same-person|no-face|liveness-failed|timeout|cancel|fail)
 * Records the person's answer, then 303 to the returnUrl of the request (or a "done" page without one).
 */
export function submitAuthPage(deps: PageDeps) {
  return async (ctx: Context, token: string): Promise<void> => {
    const known = deps.requests.find(token);
    const outcome = (await readForm(ctx.req, MAX_FORM_BYTES))?.get('outcome');
    if (!known || known.token !== token) return page(ctx, 404, '授权请求不存在或已结束', '');
    if (!isInPersonOutcome(outcome)) return page(ctx, 400, '请选择一项', '');
    const completion = deps.requests.complete(token, outcome);
    switch (completion.kind) {
      case 'unknown':
        return page(ctx, 404, '授权请求不存在或已结束', '');
      case 'already-done':
        return page(ctx, 409, '已完成授权', '<p>请返回原页面继续办理。</p>');
      case 'expired':
        return page(ctx, 410, '授权请求已过期', '<p>请返回原页面重新发起。</p>');
      case 'done':
        if (completion.request.returnUrl) {
          ctx.status = 303;
          ctx.redirect(completion.request.returnUrl);
          return;
        }
    }
    page(ctx, 200, '已完成授权', '<p>请返回原页面继续办理。</p>');
  };
}

function form(request: CtidRequest, preset: InPersonOutcome): string {
  const buttons = CHOICES.map(({ outcome, label }) => {
    const mark = outcome === preset ? ' class="preset"' : '';
    return `<button type="submit" name="outcome" value="${outcome}"${mark}>${label}${outcome === preset ? '（默认）' : ''}</button>`;
  }).join('\n');
  const until = toCompactDateTime(new Date(request.expiresAt));
  return `<p>应用 <b>${escapeHtml(request.appId)}</b> 请求核验您的身份（网证 + 人像，${escapeHtml(request.authMode)}）。</p>
<dl><dt>姓名</dt><dd>${escapeHtml(maskName(request.name))}</dd>
<dt>身份证号</dt><dd>${escapeHtml(maskIdNumber(request.idNumber))}</dd>
<dt>有效至</dt><dd>${until.slice(8, 10)}:${until.slice(10, 12)}:${until.slice(12, 14)}（北京时间）</dd></dl>
<p class="note">沙箱页面：真实环境由国家网络身份认证 App 刷脸授权。请选择这次认证的结果。</p>
<form method="post">
${buttons}
</form>`;
}

const FRAME: PageFrame = {
  // No scripts; the form may post here and be redirected on to the relying party.
  csp: "default-src 'none'; style-src 'unsafe-inline'",
  style: `body{font-family:sans-serif;margin:0;background:#f5f6f8}main{max-width:420px;margin:0 auto;padding:24px}
h1{font-size:20px}dl{background:#fff;padding:12px 16px;border-radius:8px}dt{color:#666;font-size:13px}dd{margin:0 0 8px}
form{display:flex;flex-direction:column;gap:10px}button{font-size:16px;padding:12px;border:1px solid #ccd;border-radius:8px;background:#fff}
button.preset{background:#0958d9;color:#fff;border-color:#0958d9}.note{color:#666;font-size:13px}`,
};

function page(ctx: Context, status: number, title: string, content: string): void {
  sendPage(ctx, FRAME, status, title, content);
}
