import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, isRecord, nonEmptyString } from '../../core/input';
import { WECHAT_ERRORS, argumentInvalid, wechatError, type WechatError } from './errors';
import { isPublishedPage } from './published-pages';
import type { WechatState } from './state';
import { subscribeTemplate, type SubscribeTemplate } from './subscribe-templates';
import { accessTokenError } from './token-guard';

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export const LANGS = ['zh_CN', 'en_US', 'zh_HK', 'zh_TW'] as const;

export interface SentSubscribeMessage {
  msgid: number;
  touser: string;
  templateId: string;
  /** Our name of the template (CASE_PROGRESS ...) and its title. */
  templateKey: string;
  title: string;
  page: string | undefined;
  miniprogramState: string;
  lang: string;
  /** keyword -> value. */
  data: Record<string, string>;
  /** As the user's 服务通知 shows it: the title, then "label：value" lines. */
  text: string;
  /** ISO instant on the sandbox clock. */
  sentAt: string;
}

/**
 * Who accepted which template how often (each acceptance in
 * wx.requestSubscribeMessage allows one message), and what was delivered.
 */
export class Subscriptions {
  private readonly quotas = new Map<string, number>();
  private readonly sent: SentSubscribeMessage[] = [];
  private sequence = 0;

  grant(openid: string, templateId: string, count: number): number {
    const quota = this.quota(openid, templateId) + count;
    this.quotas.set(quotaKey(openid, templateId), quota);
    return quota;
  }

  quota(openid: string, templateId: string): number {
    return this.quotas.get(quotaKey(openid, templateId)) ?? 0;
  }

  /** Uses one message of the quota; false when there is none. */
  take(openid: string, templateId: string): boolean {
    const quota = this.quota(openid, templateId);
    if (quota <= 0) return false;
    this.quotas.set(quotaKey(openid, templateId), quota - 1);
    return true;
  }

  /** The quotas of one user (all users when openid is left out). */
  listQuotas(openid?: string): { openid: string; templateId: string; quota: number }[] {
    return [...this.quotas.entries()]
      .map(([key, quota]) => {
        const [user = '', templateId = ''] = key.split('\n');
        return { openid: user, templateId, quota };
      })
      .filter((entry) => openid === undefined || entry.openid === openid);
  }

  nextMsgid(): number {
    this.sequence += 1;
    return 2_360_000_000 + this.sequence;
  }

  deliver(message: SentSubscribeMessage): void {
    this.sent.push(message);
  }

  /** Newest first, optionally for one user. */
  outbox(openid?: string): SentSubscribeMessage[] {
    return this.sent.filter((message) => openid === undefined || message.touser === openid).reverse();
  }

  clear(): void {
    this.quotas.clear();
    this.sent.length = 0;
    this.sequence = 0;
  }
}

function quotaKey(openid: string, templateId: string): string {
  return `${openid}\n${templateId}`;
}

/**
 * POST /cgi-bin/message/subscribe/send?access_token=
 * {touser, template_id, page?, data: {keyword: {value}}, miniprogram_state?, lang?} -> {errcode: 0, errmsg: "ok", msgid}
 * Checks, in order: token (41001/40001/42001), touser (40003), template_id (40037), page / miniprogram_state /
 * lang (47001), a page the published version does not have (41030: only for miniprogram_state formal, since
 * developer and trial builds may have pages the live version lacks), data (47003), the user's acceptance of the
 * template (43101). Only a delivered message uses quota.
 */
export function sendSubscribeMessage(state: WechatState, clock: SandboxClock) {
  return (ctx: Context): void => {
    ctx.status = 200;
    const fail = (error: WechatError): void => {
      ctx.body = wechatError(error);
    };
    const tokenError = accessTokenError(ctx.query.access_token, state.tokens);
    if (tokenError) return fail(tokenError);
    const body = bodyRecord(ctx.request.body);
    const touser = nonEmptyString(body.touser);
    if (touser === undefined || !state.users.has(touser)) return fail(WECHAT_ERRORS.INVALID_OPENID);
    const templateId = nonEmptyString(body.template_id);
    const template = templateId === undefined ? undefined : subscribeTemplate(templateId);
    if (!template) return fail(WECHAT_ERRORS.INVALID_TEMPLATE_ID);
    if (body.page !== undefined && typeof body.page !== 'string') return fail(WECHAT_ERRORS.DATA_FORMAT);
    const miniprogramState = MINIPROGRAM_STATES.find((known) => known === (body.miniprogram_state ?? 'formal'));
    const lang = LANGS.find((known) => known === (body.lang ?? 'zh_CN'));
    if (miniprogramState === undefined || lang === undefined) return fail(WECHAT_ERRORS.DATA_FORMAT);
    const page = typeof body.page === 'string' && body.page !== '' ? body.page : undefined;
    if (page !== undefined && miniprogramState === 'formal' && !isPublishedPage(page)) {
      return fail(WECHAT_ERRORS.INVALID_PAGE);
    }
    const data = checkData(template, body.data);
    if ('error' in data) return fail(data.error);
    if (!state.subscriptions.take(touser, template.id)) return fail(WECHAT_ERRORS.SUBSCRIPTION_REFUSED);

    const msgid = state.subscriptions.nextMsgid();
    state.subscriptions.deliver({
      msgid,
      touser,
      templateId: template.id,
      templateKey: template.key,
      title: template.title,
      page,
      miniprogramState,
      lang,
      data: data.values,
      text: [
        template.title,
        ...Object.entries(template.keywords).map(([key, label]) => `${label}：${data.values[key] ?? ''}`),
      ].join('\n'),
      sentAt: clock.now().toISOString(),
    });
    ctx.body = { errcode: 0, errmsg: 'ok', msgid };
  };
}

/** Every keyword of the template with a valid value, and no other keyword; else the 47003 to answer. */
export function checkData(
  template: SubscribeTemplate,
  data: unknown,
): { values: Record<string, string> } | { error: WechatError } {
  if (!isRecord(data)) return { error: argumentInvalid('data is empty') };
  const unknownKey = Object.keys(data).find((key) => !(key in template.keywords));
  if (unknownKey !== undefined)
    return { error: argumentInvalid(`data.${unknownKey} is not a keyword of the template`) };
  const values: Record<string, string> = {};
  for (const key of Object.keys(template.keywords)) {
    const entry = data[key];
    const value = isRecord(entry) ? entry.value : undefined;
    if (typeof value !== 'string' || value.length === 0)
      return { error: argumentInvalid(`data.${key}.value is empty`) };
    const problem = keywordProblem(key, value);
    if (problem !== undefined) return { error: argumentInvalid(`data.${key}.value ${problem}`) };
    values[key] = value;
  }
  return { values };
}

const DAY = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2})`;
const CLOCK = String.raw`(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const POINT = String.raw`(?:${DAY}\s?)?${CLOCK}`;
/** 15:01, 2026年3月2日 15:01, 2026-03-02 15:01, or a range of those with ~ (2026年3月2日 09:00~09:30). */
const TIME = new RegExp(String.raw`^${POINT}(?:\s?[~～至]\s?${POINT})?$`);
/** 2026年3月2日, 2026-03-02, optionally with a time of day. */
const DATE = new RegExp(String.raw`^${DAY}(?:\s${CLOCK})?$`);

/**
 * The value rules of WeChat's keyword types (a subset: the types our
 * templates use and a few more). Lengths count characters, not bytes.
 */
export function keywordProblem(key: string, value: string): string | undefined {
  const type = /^([a-z_]+?)\d+$/.exec(key)?.[1] ?? key;
  const length = Array.from(value).length;
  const tooLong = (max: number): string | undefined => (length > max ? `exceeds the limit of ${max}` : undefined);
  const must = (ok: boolean, what: string): string | undefined => (ok ? undefined : `must be ${what}`);
  switch (type) {
    case 'thing':
      return tooLong(20) ?? must(!/[\r\n]/.test(value), 'a single line');
    case 'character_string':
      return tooLong(32) ?? must(/^[\x21-\x7e]+$/.test(value), 'letters, digits and symbols');
    case 'phrase':
      return tooLong(5) ?? must(/^[\u4e00-\u9fa5]+$/.test(value), 'Chinese characters only');
    case 'time':
      return must(TIME.test(value), 'a time such as 15:01 or 2026年3月2日 15:01');
    case 'date':
      return must(DATE.test(value), 'a date such as 2026年3月2日');
    case 'number':
      return tooLong(32) ?? must(/^-?\d+(?:\.\d+)?$/.test(value), 'a number');
    case 'amount':
      return must(/^[¥￥$]?\d{1,8}(?:\.\d{1,2})?元?$/.test(value), 'an amount such as ¥200 or 200元');
    case 'phone_number':
      return tooLong(17) ?? must(/^[\d+\-() ]+$/.test(value), 'a phone number');
    case 'car_number':
      return tooLong(8) ?? must(/^[\u4e00-\u9fa5]?[A-Z0-9]+[\u4e00-\u9fa5]?$/.test(value), 'a plate number');
    case 'name':
      return /^[\u4e00-\u9fa5·]+$/.test(value)
        ? tooLong(10)
        : (tooLong(20) ?? must(/^[A-Za-z .'-]+$/.test(value), 'a name'));
    case 'letter':
      return tooLong(32) ?? must(/^[A-Za-z]+$/.test(value), 'letters only');
    case 'symbol':
      return tooLong(5) ?? must(/^[^\p{L}\p{N}\s]+$/u.test(value), 'symbols only');
    default:
      return tooLong(20);
  }
}
