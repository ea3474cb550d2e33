import type { SandboxClock } from '../../core/clock';
import { toCompactDate, toCompactDateTime } from '../../legacy/dates';
import type { LegacyError } from '../../legacy/envelope';
import { badParams, FEEDBACK_ERRORS } from './errors';
import { newRequestNumber, unusedNumber } from './numbers';
import type { NewRequest, RequestRatingInput } from './request-input';
import type { RequestRecord, RequestStage, RequestStep } from './records';
import { fillText, type RequestTables } from './tables';

/** The 12345 staff's moves, in the order of the loop 接 → 答 → 派 → 办 (评 is the citizen's). */
export type RequestAction = 'answer' | 'dispatch' | 'handle';
export const REQUEST_ACTIONS: readonly RequestAction[] = ['answer', 'dispatch', 'handle'];

const TRANSITIONS: Readonly<Record<RequestAction, { from: RequestStage; to: RequestStage; hj: RequestStep['hj'] }>> = {
  answer: { from: '1', to: '2', hj: '答' },
  dispatch: { from: '2', to: '3', hj: '派' },
  handle: { from: '3', to: '4', hj: '办' },
};

export function isRequestAction(value: unknown): value is RequestAction {
  return REQUEST_ACTIONS.some((action) => action === value);
}

export type DeskResult = { ok: true; record: RequestRecord } | { ok: false; error: LegacyError };
export type ActionResult = { ok: true } | { ok: false; problem: string };

export interface RequestDeskDeps {
  clock: SandboxClock;
  tables: RequestTables;
  /** Rating level names ("4" -> 满意), for the 评 step's note. */
  levels: Record<string, string>;
}

/**
 * The 12345 hotline's 工单 of police matters: 接 on submission, then 答 派 办
 * by the staff console (or demo mode), 评 by the citizen once handled.
 * One 工单 per wbbh, so a retried submission never opens a second one.
 */
export class RequestDesk {
  private readonly bySqbh = new Map<string, RequestRecord>();
  private readonly byWbbh = new Map<string, RequestRecord>();

  constructor(private readonly deps: RequestDeskDeps) {}

  submit(input: NewRequest): DeskResult {
    const retried = this.byWbbh.get(input.wbbh);
    if (retried) {
      // A retry answers the 工单 it made; a wbbh never leads to another person's 工单.
      return retried.sfzmhm === input.sfzmhm
        ? { ok: true, record: retried }
        : { ok: false, error: badParams('wbbh 已用于其他诉求人的工单') };
    }
    const { tables } = this.deps;
    const now = this.deps.clock.now();
    const sj = toCompactDateTime(now);
    const day = toCompactDate(now);
    const category = tables.categories.find((candidate) => candidate.lb === input.lb);
    const record: RequestRecord = {
      sqbh: unusedNumber(
        () => newRequestNumber(day),
        (candidate) => this.bySqbh.has(candidate),
      ),
      ...input,
      tp: [...input.tp],
      lbmc: category?.mc ?? input.lb,
      zt: '1',
      cjsj: sj,
      gxsj: sj,
      lc: [{ hj: '接', sj, bm: tables.hotline, nr: tables.texts.receive }],
    };
    this.bySqbh.set(record.sqbh, record);
    this.byWbbh.set(record.wbbh, record);
    return { ok: true, record };
  }

  /** A 工单 for its own citizen only: anyone else gets the same answer as for an unknown number. */
  getFor(sqbh: string, sfzmhm: string): DeskResult {
    const record = this.bySqbh.get(sqbh);
    return record?.sfzmhm === sfzmhm ? { ok: true, record } : { ok: false, error: FEEDBACK_ERRORS.REQUEST_NOT_FOUND };
  }

  get(sqbh: string): RequestRecord | undefined {
    return this.bySqbh.get(sqbh);
  }

  /** Newest first; everyone's when sfzmhm is left out (the console). */
  list(sfzmhm?: string): RequestRecord[] {
    return [...this.bySqbh.values()].filter((record) => sfzmhm === undefined || record.sfzmhm === sfzmhm).reverse();
  }

  /** The citizen's 评: only once handled (办), and only once. */
  rate(record: RequestRecord, input: RequestRatingInput): DeskResult {
    if (record.zt !== '4') return { ok: false, error: FEEDBACK_ERRORS.REQUEST_NOT_RATEABLE };
    const sj = toCompactDateTime(this.deps.clock.now());
    const level = this.deps.levels[input.myd] ?? input.myd;
    const note = fillText(this.deps.tables.texts.rate, { myd: level });
    record.pj = { myd: input.myd, pjnr: input.pjnr, pjsj: sj };
    this.move(record, '5', {
      hj: '评',
      sj,
      bm: this.deps.tables.citizen,
      nr: input.pjnr ? `${note}。${input.pjnr}` : note,
    });
    return { ok: true, record };
  }

  /**
   * One step of the staff console. 答 is the hotline's, 派 names the police
   * department (the category's usual one unless told), 办 is that
   * department's outcome.
   */
  act(record: RequestRecord, action: RequestAction, nr?: string, bm?: string): ActionResult {
    const transition = TRANSITIONS[action];
    const { tables } = this.deps;
    if (record.zt !== transition.from) {
      const at = `${record.zt} ${tables.stages[record.zt] ?? ''}`;
      const needs = `${transition.from} ${tables.stages[transition.from] ?? ''}`;
      return { ok: false, problem: `cannot ${action} ${record.sqbh}: it is at ${at}; ${action} needs ${needs}` };
    }
    const sj = toCompactDateTime(this.deps.clock.now());
    if (action === 'answer') {
      this.move(record, transition.to, {
        hj: transition.hj,
        sj,
        bm: bm ?? tables.hotline,
        nr: nr ?? tables.texts.answer,
      });
    } else if (action === 'dispatch') {
      const department = bm ?? tables.categories.find((candidate) => candidate.lb === record.lb)?.bm ?? tables.hotline;
      record.cbbm = department;
      const note = nr ?? fillText(tables.texts.dispatch, { bm: department });
      this.move(record, transition.to, { hj: transition.hj, sj, bm: department, nr: note });
    } else {
      const department = bm ?? record.cbbm ?? tables.hotline;
      this.move(record, transition.to, { hj: transition.hj, sj, bm: department, nr: nr ?? tables.texts.handle });
    }
    return { ok: true };
  }

  /** Demo mode: every 工单 the staff still have moves one step (a handled one waits for the citizen's 评). */
  advanceAll(): void {
    for (const record of this.bySqbh.values()) {
      const action = REQUEST_ACTIONS.find((candidate) => TRANSITIONS[candidate].from === record.zt);
      if (action) this.act(record, action);
    }
  }

  reset(): void {
    this.bySqbh.clear();
    this.byWbbh.clear();
  }

  private move(record: RequestRecord, to: RequestStage, step: RequestStep): void {
    record.zt = to;
    record.gxsj = step.sj;
    record.lc.push(step);
  }
}
