import Router from '@koa/router';
import type { Context } from 'koa';
import { controlError } from '../../control/reply';
import { bodyRecord, type JsonRecord } from '../../core/input';
import { DEMO_MAX_STEP_MS, DEMO_MIN_STEP_MS, type DemoMode } from '../approval/demo-mode';
import { isFollowUpStepName } from './follow-up';
import type { HotBoard, TopicChange } from './hot-board';
import type { RatingBook } from './rating-book';
import { isRequestAction, REQUEST_ACTIONS, type RequestDesk } from './request-desk';
import { isHotTopicStatus, type RatingTables } from './tables';
import { hotTopicOnWire } from './wire';

const MAX_NOTE = 500;
const MAX_HEAT = 10_000_000;

type Problem = string | undefined;

/**
 * Sandbox-only, mounted under /sandbox/feedback (plain JSON; what the 12345
 * staff console and the departments would do):
 * GET  /ratings                                   -> {items: [rating with wbbh, sfzmhm, sxbm]} newest first
 * POST /ratings/:pjbh/follow-up {hj, nr, bm?}     -> the rating; 核实 → 整改 → 回访, else 409
 * GET  /requests?sfzmhm=                          -> {items: [工单]} newest first
 * POST /requests/:sqbh/actions {action, nr?, bm?} -> the 工单; answer 1→2, dispatch 2→3, handle 3→4, else 409
 * PUT  /hot-topics/:rdbh {zt?, cljg?, rd?}        -> the topic; forward only (409); 撤榜 needs cljg (400)
 * POST /hot-topics {bt, zy, bm, rd}               -> 201 the new topic (上榜 now)
 * PUT  /demo {enabled, stepMs?}  GET /demo        -> {enabled, stepMs}: open 工单 and follow-ups move one step per stepMs
 */
export function feedbackControlRoutes(deps: {
  ratings: RatingBook;
  requests: RequestDesk;
  board: HotBoard;
  ratingTables: RatingTables;
  demo: DemoMode;
}): Router {
  const router = new Router();
  const { ratings, requests, board, demo } = deps;
  const bad = (ctx: Context, message: string): void => controlError(ctx, 400, 'BAD_REQUEST', message);

  router.get('/ratings', (ctx) => {
    ctx.body = {
      items: ratings
        .list()
        .map((entry) => ({ ...entry.rating, wbbh: entry.wbbh, sfzmhm: entry.sfzmhm, sxbm: entry.sxbm })),
    };
  });

  router.post('/ratings/:pjbh/follow-up', (ctx) => {
    const entry = ratings.byNumber(ctx.params.pjbh ?? '');
    if (!entry) return controlError(ctx, 404, 'NOT_FOUND', `no rating ${String(ctx.params.pjbh)}`);
    const body = bodyRecord(ctx.request.body);
    if (!isFollowUpStepName(body.hj, deps.ratingTables)) {
      return bad(ctx, `hj must be one of ${deps.ratingTables.followUp.steps.map((step) => step.hj).join(', ')}`);
    }
    const problem = note(body, 'nr', true) ?? note(body, 'bm', false);
    if (problem) return bad(ctx, problem);
    const outcome = ratings.followUp(entry, body.hj, optionalText(body.nr) ?? '', optionalText(body.bm));
    if (!outcome.ok) return controlError(ctx, 409, 'CONFLICT', outcome.problem);
    ctx.body = entry.rating;
  });

  router.get('/requests', (ctx) => {
    const sfzmhm = typeof ctx.query.sfzmhm === 'string' ? ctx.query.sfzmhm.trim().toUpperCase() : undefined;
    ctx.body = { items: requests.list(sfzmhm) };
  });

  router.post('/requests/:sqbh/actions', (ctx) => {
    const record = requests.get(ctx.params.sqbh ?? '');
    if (!record) return controlError(ctx, 404, 'NOT_FOUND', `no request ${String(ctx.params.sqbh)}`);
    const body = bodyRecord(ctx.request.body);
    if (!isRequestAction(body.action)) return bad(ctx, `action must be one of ${REQUEST_ACTIONS.join(', ')}`);
    const problem = note(body, 'nr', false) ?? note(body, 'bm', false);
    if (problem) return bad(ctx, problem);
    const outcome = requests.act(record, body.action, optionalText(body.nr), optionalText(body.bm));
    if (!outcome.ok) return controlError(ctx, 409, 'CONFLICT', outcome.problem);
    ctx.body = record;
  });

  router.put('/hot-topics/:rdbh', (ctx) => {
    const topic = board.get(ctx.params.rdbh ?? '');
    if (!topic) return controlError(ctx, 404, 'NOT_FOUND', `no hot topic ${String(ctx.params.rdbh)}`);
    const body = bodyRecord(ctx.request.body);
    const unknown = Object.keys(body).find((key) => !['zt', 'cljg', 'rd'].includes(key));
    if (unknown !== undefined) return bad(ctx, `${unknown} cannot be changed here (allowed: zt, cljg, rd)`);
    if (body.zt !== undefined && !isHotTopicStatus(body.zt)) return bad(ctx, 'zt must be "1", "2" or "3"');
    const problem = note(body, 'cljg', false) ?? heat(body.rd, false);
    if (problem) return bad(ctx, problem);
    const change: TopicChange = {};
    if (isHotTopicStatus(body.zt)) change.zt = body.zt;
    const cljg = optionalText(body.cljg);
    if (cljg !== undefined) change.cljg = cljg;
    if (typeof body.rd === 'number') change.rd = body.rd;
    const outcome = board.change(topic, change);
    if (!outcome.ok) {
      return controlError(ctx, outcome.status, outcome.status === 409 ? 'CONFLICT' : 'BAD_REQUEST', outcome.problem);
    }
    ctx.body = hotTopicOnWire(topic);
  });

  router.post('/hot-topics', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const problem =
      note(body, 'bt', true, 40) ?? note(body, 'zy', true) ?? note(body, 'bm', true, 50) ?? heat(body.rd, true);
    if (problem) return bad(ctx, problem);
    const topic = board.add({
      bt: optionalText(body.bt) ?? '',
      zy: optionalText(body.zy) ?? '',
      bm: optionalText(body.bm) ?? '',
      rd: Number(body.rd),
    });
    ctx.status = 201;
    ctx.body = hotTopicOnWire(topic);
  });

  router.get('/demo', (ctx) => {
    ctx.body = demo.status();
  });

  router.put('/demo', (ctx) => {
    const { enabled, stepMs } = bodyRecord(ctx.request.body);
    if (typeof enabled !== 'boolean') return bad(ctx, 'enabled must be a boolean');
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
      return bad(
        ctx,
        `stepMs must be an integer from ${DEMO_MIN_STEP_MS} to ${DEMO_MAX_STEP_MS} when enabling demo mode`,
      );
    }
    demo.start(stepMs);
    ctx.body = demo.status();
  });

  return router;
}

/** A non-blank string of at most `max` characters; required or optional. */
function note(body: JsonRecord, key: string, required: boolean, max = MAX_NOTE): Problem {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  return typeof value === 'string' && value.trim() !== '' && value.length <= max
    ? undefined
    : `${key} must be a non-empty string of at most ${max} characters`;
}

function heat(value: unknown, required: boolean): Problem {
  if (value === undefined && !required) return undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_HEAT
    ? undefined
    : `rd must be an integer from 0 to ${MAX_HEAT} (how many citizens raised it)`;
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}
