import { createHash, randomInt } from 'node:crypto';
import { toCompactDate, toCompactDateTime } from '@suijing/shared';

function digits(count: number): string {
  let out = '';
  for (let index = 0; index < count; index += 1) out += String(randomInt(10));
  return out;
}

/** wx + yyyyMMddHHmmss + 20 hex-ish characters, like the platform's prepay ids (valid 2 hours). */
export function newPrepayId(nowMs: number): string {
  return `wx${toCompactDateTime(new Date(nowMs))}${createHash('sha1').update(digits(20)).digest('hex').slice(0, 20)}`;
}

/** 微信支付订单号: 28 digits, 4200 + Beijing date + 16 digits. */
export function newTransactionId(nowMs: number): string {
  return `4200${toCompactDate(new Date(nowMs))}${digits(16)}`;
}

/** 微信退款单号: 29 digits, 5030 + Beijing date + 17 digits. */
export function newRefundId(nowMs: number): string {
  return `5030${toCompactDate(new Date(nowMs))}${digits(17)}`;
}

/** An opaque token for a cashier page or a bill download. */
export function newToken(): string {
  return createHash('sha256').update(digits(40)).digest('base64url').slice(0, 32);
}

/** The openid an H5 payer has under the merchant's app (the cashier has no login: derived from the order). */
export function h5PayerOpenid(outTradeNo: string): string {
  return `oSbx${createHash('sha256').update(`h5-payer:${outTradeNo}`).digest('base64url').slice(0, 24)}`;
}

/** An instant as the platform writes it: rfc3339 in Beijing time, e.g. 2026-12-06T20:30:00+08:00. */
export function rfc3339(ms: number): string {
  const c = toCompactDateTime(new Date(ms));
  return `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}T${c.slice(8, 10)}:${c.slice(10, 12)}:${c.slice(12, 14)}+08:00`;
}

/** An rfc3339 instant with an explicit offset (what time_expire must be), or undefined. */
export function parseRfc3339(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The Beijing calendar day (yyyy-MM-dd) of an instant. */
export function beijingDay(ms: number): string {
  const c = toCompactDate(new Date(ms));
  return `${c.slice(0, 4)}-${c.slice(4, 6)}-${c.slice(6, 8)}`;
}
