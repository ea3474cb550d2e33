import type Router from '@koa/router';
import { ASSURANCE } from '@suijing/shared';
import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { AppState } from '../../libraries/context';
import { defineRoute } from '../../libraries/routes';
import { ApprovalEventSchema } from '../../upstreams/approval/approval.dialect';
import type { ApprovalEventsService } from './approval-events.service';
import { verifyApprovalSignature } from './webhook-signature';

/** The approval system's push of case changes; not for clients, authenticated by its signature. */
export function approvalHooksRoutes(
  router: Router<AppState>,
  registry: OpenAPIRegistry,
  prefix: string,
  deps: { events: ApprovalEventsService; secret: string },
): void {
  defineRoute(router, registry, prefix, {
    method: 'post',
    path: '/hooks/approval',
    summary: 'Case change notification from the approval system (HMAC-signed, 5-minute window, replay-safe)',
    tags: ['系统对接'],
    assurance: ASSURANCE.public,
    before: [verifyApprovalSignature(deps.secret)],
    body: ApprovalEventSchema,
    response: { status: 200, schema: z.object({ accepted: z.literal(true) }), description: '已接收' },
    errors: [401],
    handler: (_ctx, { body }) => deps.events.receive(body),
  });
}
