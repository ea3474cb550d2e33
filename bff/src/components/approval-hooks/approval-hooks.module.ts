import type { ApiRoutes } from '../../libraries/routes';
import { ApprovalEventsService, type ApprovalEventsDeps } from './approval-events.service';
import { approvalHooksRoutes } from './approval-hooks.routes';

export interface ApprovalHooksModuleDeps extends ApprovalEventsDeps {
  routes: ApiRoutes;
  /** APPROVAL_WEBHOOK_SECRET, which signs the approval system's calls. */
  secret: string;
}

/** The approval system's webhook: a case changed, so our view and its owner learn it. */
export function createApprovalHooksModule({ routes, secret, ...deps }: ApprovalHooksModuleDeps): void {
  approvalHooksRoutes(routes, { events: new ApprovalEventsService(deps), secret });
}
