import Router from '@koa/router';
import { controlError } from '../../control/reply';
import { bodyRecord, nonEmptyString } from '../../core/input';
import type { ApprovalDesk } from './approval-desk';
import { agencyLines, sendCasePage, sendDeskPage } from './desk-page';
import { DEMO_MAX_STEP_MS, DEMO_MIN_STEP_MS, type DemoMode } from './demo-mode';
import type { WebhookDispatcher } from './webhook-dispatcher';
import { isStaffAction, STAFF_ACTIONS, type StaffInput } from './workflow';

const OPTIONAL_TEXT = ['yj', 'bcnr', 'kdh'] as const;

/**
 * Sandbox-only, mounted under /sandbox/approval (the staff console):
 * POST /cases/:bjbh/actions {action, yj?, bcnr?, kdh?} -> the case; 409 on a transition the status does not allow
 * GET  /cases?sfzmhm=                                  -> {items: [case]} newest first
 * GET  /cases/:bjbh/submission                        -> {sqr, dsr?, dbxx?, bdsj}: the applicant, the 当事人 and
 *                                                        "代办：<sqr>（监护人|亲属）" of a case filed for someone, the form data
 * GET  /desk  GET /desk/:bjbh                          -> HTML: the case list and one case as staff see them
 *                                                        (当事人 and 代办人 on cases filed for someone)
 * PUT  /webhook {url}  GET /webhook                    -> {url}: where state changes are pushed (null: nowhere yet)
 * GET  /deliveries                                     -> {items: [delivery]}: the webhook delivery log
 * PUT  /demo {enabled, stepMs?}  GET /demo             -> {enabled, stepMs}: move open cases along by themselves
 */
export function approvalControlRoutes(desk: ApprovalDesk, dispatcher: WebhookDispatcher, demo: DemoMode): Router {
  const router = new Router();

  router.post('/cases/:bjbh/actions', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const entry = desk.cases.get(ctx.params.bjbh ?? '');
    if (!entry) return controlError(ctx, 404, 'NOT_FOUND', `no case ${String(ctx.params.bjbh)}`);
    if (!isStaffAction(body.action)) {
      return controlError(ctx, 400, 'BAD_REQUEST', `action must be one of ${STAFF_ACTIONS.join(', ')}`);
    }
    const input: StaffInput = {};
    for (const key of OPTIONAL_TEXT) {
      const value = body[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.trim() === '' || value.length > 500) {
        return controlError(ctx, 400, 'BAD_REQUEST', `${key} must be a non-empty string of at most 500 characters`);
      }
      input[key] = value;
    }
    if (input.kdh !== undefined && !/^[A-Za-z0-9]{8,30}$/.test(input.kdh)) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'kdh must be 8 to 30 letters or digits');
    }
    const outcome = desk.staffAction(entry, body.action, input);
    if (!outcome.ok)
      return controlError(ctx, outcome.status, outcome.status === 409 ? 'CONFLICT' : 'BAD_REQUEST', outcome.problem);
    ctx.body = entry.record;
  });

  router.get('/cases', (ctx) => {
    ctx.body = { items: desk.cases.list(nonEmptyString(ctx.query.sfzmhm)).map((entry) => entry.record) };
  });

  router.get('/cases/:bjbh/submission', (ctx) => {
    const entry = desk.cases.get(ctx.params.bjbh ?? '');
    if (!entry) return controlError(ctx, 404, 'NOT_FOUND', `no case ${String(ctx.params.bjbh)}`);
    const agency = agencyLines(entry);
    ctx.body = {
      sqr: entry.applicant,
      ...(entry.record.dsr ? { dsr: entry.record.dsr } : {}),
      ...(agency ? { dbxx: agency.agent } : {}),
      bdsj: entry.formData,
    };
  });

  router.get('/desk', (ctx) => sendDeskPage(ctx, desk.cases.list()));

  router.get('/desk/:bjbh', (ctx) => {
    const entry = desk.cases.get(ctx.params.bjbh ?? '');
    if (!entry) return controlError(ctx, 404, 'NOT_FOUND', `no case ${String(ctx.params.bjbh)}`);
    sendCasePage(ctx, entry);
  });

  router.get('/webhook', (ctx) => {
    ctx.body = { url: dispatcher.webhookUrl ?? null };
  });

  router.put('/webhook', (ctx) => {
    const { url } = bodyRecord(ctx.request.body);
    if (url !== null && (typeof url !== 'string' || !isHttpUrl(url))) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'url must be an http(s) URL, or null to stop pushing');
    }
    dispatcher.setUrl(url ?? undefined);
    ctx.body = { url };
  });

  router.get('/deliveries', (ctx) => {
    ctx.body = { items: dispatcher.deliveries() };
  });

  router.get('/demo', (ctx) => {
    ctx.body = demo.status();
  });

  router.put('/demo', (ctx) => {
    const { enabled, stepMs } = bodyRecord(ctx.request.body);
    if (typeof enabled !== 'boolean') return controlError(ctx, 400, 'BAD_REQUEST', 'enabled must be a boolean');
    if (!enabled) {
      demo.stop();
      ctx.body = demo.status();
      return;
    }
    if (
      typeof stepMs !== 'number' ||
      !Number.isInteger(stepMs) ||
      stepMs < DEMO_MIN_STEP_MS ||
      stepMs > DEMO_MAX_STEP_MS
    ) {
      return controlError(
        ctx,
        400,
        'BAD_REQUEST',
        `stepMs must be an integer from ${DEMO_MIN_STEP_MS} to ${DEMO_MAX_STEP_MS} when enabling demo mode`,
      );
    }
    demo.start(stepMs);
    ctx.body = demo.status();
  });

  return router;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
