import type { WorkCalendar } from '../approval/work-calendar';
import type { FollowUp, FollowUpStep } from './records';
import type { FollowUpStepName, RatingTables } from './tables';

/** The 整改 record a bad review opens: 待核实, due 15 working days after the rating day (statutory holidays excluded). */
export function openFollowUp(ratedOn: string, calendar: WorkCalendar, tables: RatingTables): FollowUp {
  return { zt: '1', qx: calendar.addWorkingDays(ratedOn, tables.followUp.workingDays), lc: [] };
}

/** The step that comes next (核实, then 整改, then 回访), or undefined once 回访 is done. */
export function nextFollowUpStep(
  followUp: FollowUp,
  tables: RatingTables,
): RatingTables['followUp']['steps'][number] | undefined {
  return tables.followUp.steps[followUp.lc.length];
}

export function isFollowUpStepName(value: unknown, tables: RatingTables): value is FollowUpStepName {
  return tables.followUp.steps.some((step) => step.hj === value);
}

export type StepOutcome = { ok: true } | { ok: false; problem: string };

/**
 * Takes one step. The order is fixed because each step builds on the
 * last: what was verified is rectified, and the citizen is called back
 * about the rectification. A step out of order changes nothing.
 */
export function takeFollowUpStep(followUp: FollowUp, step: FollowUpStep, tables: RatingTables): StepOutcome {
  const next = nextFollowUpStep(followUp, tables);
  if (!next) return { ok: false, problem: `the follow-up is finished (zt "3"); ${step.hj} cannot be added` };
  if (next.hj !== step.hj) {
    const done = followUp.lc.map((taken) => taken.hj).join(' → ') || 'nothing yet';
    return { ok: false, problem: `${step.hj} is out of order: done ${done}; next is ${next.hj}` };
  }
  followUp.lc.push(step);
  followUp.zt = next.zt;
  return { ok: true };
}
