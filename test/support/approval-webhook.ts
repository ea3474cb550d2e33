import { createHmac } from 'node:crypto';
import type { TestStack } from './stack';

/**
 * Posts a raw body to the approval webhook signed as the approval system signs
 * it (HMAC-SHA256 of "timestamp.body"), or with whatever a test changes.
 */
export function postApprovalEvent(
  stack: TestStack,
  raw: string,
  options: { secret?: string; timestamp?: number; signature?: string; signedBody?: string } = {},
) {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature =
    options.signature ??
    createHmac('sha256', options.secret ?? stack.config.approvalWebhookSecret)
      .update(`${timestamp}.${options.signedBody ?? raw}`)
      .digest('hex');
  return stack
    .api()
    .post('/api/v1/hooks/approval')
    .set('content-type', 'application/json')
    .set('x-approval-timestamp', timestamp)
    .set('x-approval-signature', signature)
    .send(raw);
}
