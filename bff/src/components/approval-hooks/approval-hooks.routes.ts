import { ASSURANCE } from '@suijing/shared';
import { z } from 'zod';
import { defineRoute, type ApiRoutes } from '../../libraries/routes';
import { ApprovalWebhookBodySchema, toCaseChange } from '../../upstreams/approval/approval.webhook';
import type { ApprovalEventsService } from './approval-events.service';
import { verifyApprovalSignature } from './webhook-signature';

/** The approval system's push of case changes; not for clients, authenticated by its signature. */
export function approvalHooksRoutes(routes: ApiRoutes, deps: { events: ApprovalEventsService; secret: string }): void {
  defineRoute(routes, {
    method: 'post',
    path: '/hooks/approval',
    summary: 'Case change notification from the approval system (HMAC-signed, 5-minute window, replay-safe)',
    tags: ['系统对接'],
    assurance: ASSURANCE.public,
    before: [verifyApprovalSignature(deps.secret)],
    body: ApprovalWebhookBodySchema,
    response: { status: 200, schema: z.object({ accepted: z.literal(true) }), description: '已接收' },
    errors: [401],
    handler: (_ctx, { body }) => deps.events.receive(toCaseChange(body)),
  });
}
