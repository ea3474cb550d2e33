import { createHmac } from 'node:crypto';
import { safeEqual } from '../../libraries/crypto';
import { ApprovalEventSchema, type ApprovalEvent } from './approval.dialect';
import { STATUS_OF, toApprovalCase } from './approval.mapping';
import type { CaseChange } from './approval.types';

/**
 * The body of the approval system's webhook as the system pushes it: the
 * route validates and documents it with this schema and hands it on only as
 * a CaseChange.
 */
export const ApprovalWebhookBodySchema = ApprovalEventSchema;

/** A pushed change in our words. */
export function toCaseChange(event: ApprovalEvent): CaseChange {
  return {
    eventId: event.sjbh,
    caseNo: event.bjbh,
    status: STATUS_OF[event.zt],
    ...(event.yj === undefined ? {} : { opinion: event.yj }),
    case: toApprovalCase(event.bj),
  };
}

/** How far a notification's timestamp may be from our clock: old captures cannot be replayed later. */
export const SIGNATURE_WINDOW_SECONDS = 300;

/** The headers the approval system signs its pushes with. */
export interface WebhookSignatureHeaders {
  timestamp: string;
  signature: string;
}

/** Reads the signature headers of a push, whatever the request library. */
export function webhookSignatureHeaders(get: (header: string) => string): WebhookSignatureHeaders {
  return { timestamp: get('x-approval-timestamp'), signature: get('x-approval-signature') };
}

/**
 * X-Approval-Signature = hex HMAC-SHA256(secret, `${timestamp}.${raw body}`),
 * and X-Approval-Timestamp within the window of the real clock (transport
 * freshness, like TLS, is about wall time, not the app's clock).
 */
export function isSignedPush(
  secret: string,
  headers: WebhookSignatureHeaders,
  rawBody: string,
  nowMs: number,
): boolean {
  const { timestamp, signature } = headers;
  const fresh = /^\d{9,11}$/.test(timestamp) && Math.abs(nowMs / 1000 - Number(timestamp)) <= SIGNATURE_WINDOW_SECONDS;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
  return fresh && safeEqual(signature, expected);
}
