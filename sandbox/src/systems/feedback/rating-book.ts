import type { SandboxClock } from '../../core/clock';
import { toCompactDate, toCompactDateTime } from '../../legacy/dates';
import type { LegacyError } from '../../legacy/envelope';
import type { WorkCalendar } from '../approval/work-calendar';
import { badParams, FEEDBACK_ERRORS } from './errors';
import type { FinishedCases } from './finished-cases';
import { nextFollowUpStep, openFollowUp, takeFollowUpStep, type StepOutcome } from './follow-up';
import { newRatingNumber, unusedNumber } from './numbers';
import type { RatingRequest } from './rating-input';
import type { Rating, RatingEntry } from './records';
import type { FollowUpStepName, RatingTables } from './tables';

export interface RatingBookDeps {
  clock: SandboxClock;
  calendar: WorkCalendar;
  tables: RatingTables;
  finished: FinishedCases;
  /** The department that handled an item's cases (its 实施机关), who follows up its bad reviews. */
  departmentOf(sxbm: string): string | undefined;
}

export type RateResult = { ok: true; rating: Rating } | { ok: false; error: LegacyError };

/**
 * 好差评: one rating per finished case (一事一评), kept in memory by 办件编号
 * and by the caller's wbbh (a retry answers the rating it made), and the
 * 整改 record of every bad review.
 */
export class RatingBook {
  private readonly byBjbh = new Map<string, RatingEntry>();
  private readonly byWbbh = new Map<string, RatingEntry>();
  private readonly byPjbh = new Map<string, RatingEntry>();

  constructor(private readonly deps: RatingBookDeps) {}

  /**
   * Checks in the order that reveals least: a case that is not finished
   * (or unknown) before one that is someone else's, and only the owner
   * learns that it was rated already.
   */
  rate(request: RatingRequest): RateResult {
    const retried = this.byWbbh.get(request.wbbh);
    if (retried) {
      if (retried.sfzmhm === request.sfzmhm && retried.rating.bjbh === request.bjbh)
        return { ok: true, rating: retried.rating };
      return { ok: false, error: badParams('wbbh 已用于其他评价') };
    }
    const finished = this.deps.finished.get(request.bjbh);
    if (!finished) return { ok: false, error: FEEDBACK_ERRORS.CASE_NOT_FINISHED };
    if (finished.sfzmhm !== request.sfzmhm) return { ok: false, error: FEEDBACK_ERRORS.NOT_OWN_CASE };
    if (this.byBjbh.has(request.bjbh)) return { ok: false, error: FEEDBACK_ERRORS.ALREADY_RATED };
    const { tables } = this.deps;
    const bad = Number(request.pjdj) <= tables.badReviewMaxLevel;
    if (bad && Array.from(request.pjnr).length < tables.badReviewMinText) {
      return { ok: false, error: FEEDBACK_ERRORS.BAD_REVIEW_NEEDS_TEXT };
    }
    const now = this.deps.clock.now();
    const day = toCompactDate(now);
    const rating: Rating = {
      pjbh: unusedNumber(
        () => newRatingNumber(day),
        (candidate) => this.byPjbh.has(candidate),
      ),
      bjbh: request.bjbh,
      pjdj: request.pjdj,
      fx: { ...request.fx },
      pjnr: request.pjnr,
      pjsj: toCompactDateTime(now),
      cpbj: bad ? '1' : '0',
      ...(bad ? { zgzt: openFollowUp(day, this.deps.calendar, tables) } : {}),
    };
    const entry: RatingEntry = { rating, wbbh: request.wbbh, sfzmhm: request.sfzmhm, sxbm: finished.sxbm };
    this.byBjbh.set(rating.bjbh, entry);
    this.byWbbh.set(entry.wbbh, entry);
    this.byPjbh.set(rating.pjbh, entry);
    return { ok: true, rating };
  }

  /** The rating of a case, for its applicant only (anyone else learns nothing). */
  ratingFor(bjbh: string, sfzmhm: string): Rating | undefined {
    const entry = this.byBjbh.get(bjbh);
    return entry?.sfzmhm === sfzmhm ? entry.rating : undefined;
  }

  byNumber(pjbh: string): RatingEntry | undefined {
    return this.byPjbh.get(pjbh);
  }

  /** Newest first (the staff console's view). */
  list(): RatingEntry[] {
    return [...this.byPjbh.values()].reverse();
  }

  /** One 整改 step by the department (its 实施机关 unless the console names another). */
  followUp(entry: RatingEntry, hj: FollowUpStepName, nr: string, bm?: string): StepOutcome {
    const followUp = entry.rating.zgzt;
    if (!followUp) return { ok: false, problem: `${entry.rating.pjbh} is not a bad review: nothing to follow up` };
    const sj = toCompactDateTime(this.deps.clock.now());
    return takeFollowUpStep(followUp, { hj, sj, nr, bm: bm ?? this.departmentOf(entry) }, this.deps.tables);
  }

  /** Demo mode: every open follow-up takes its next step with a stock note. */
  advanceFollowUps(): void {
    for (const entry of this.byPjbh.values()) {
      const followUp = entry.rating.zgzt;
      const next = followUp ? nextFollowUpStep(followUp, this.deps.tables) : undefined;
      if (next) this.followUp(entry, next.hj, next.demoNr);
    }
  }

  reset(): void {
    this.byBjbh.clear();
    this.byWbbh.clear();
    this.byPjbh.clear();
  }

  private departmentOf(entry: RatingEntry): string {
    return this.deps.departmentOf(entry.sxbm) ?? this.deps.tables.followUp.defaultBm;
  }
}
