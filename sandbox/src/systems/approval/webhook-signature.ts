import { createHmac } from 'node:crypto';

/** X-Approval-Signature: hex HMAC-SHA256(secret, `${timestamp}.${raw body}`). */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}
