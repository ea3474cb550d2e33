import type { SystemFactory } from '../../core/system';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { ApprovalDesk } from './approval-desk';
import { residenceBookFor } from '../identity/residence-book';
import { approvalControlRoutes } from './control.routes';
import { DemoMode } from './demo-mode';
import { approvalItems } from './items';
import { approvalRoutes } from './routes';
import { WebhookDispatcher } from './webhook-dispatcher';
import { workCalendar } from './work-calendar';

/**
 * The approval system (审批/办件): uploads, submissions with one case per
 * wbbh, the case state machine driven by a staff console (or demo mode),
 * and signed webhook pushes of every change.
 */
export const createApprovalSystem: SystemFactory = (kit) => {
  const dispatcher = new WebhookDispatcher({
    secret: kit.options.approval.webhookSecret,
    url: kit.options.approval.webhookUrl,
    log: kit.options.log,
  });
  const desk = new ApprovalDesk({
    clock: kit.clock,
    calendar: workCalendar(),
    items: approvalItems(),
    dispatcher,
    events: kit.events,
    residence: residenceBookFor(kit),
  });
  const demo = new DemoMode(() => desk.advanceAll());
  const stopTimers = (): void => {
    demo.stop();
    dispatcher.stop();
  };

  return {
    name: 'approval',
    prefixes: ['/approval'],
    routes: approvalRoutes(desk, kit.options.gov.appKey),
    controlRoutes: approvalControlRoutes(desk, dispatcher, demo),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    // The webhook URL is wiring, not state: a URL set at runtime survives reset.
    reset: () => {
      stopTimers();
      desk.reset();
    },
    close: stopTimers,
  };
};
