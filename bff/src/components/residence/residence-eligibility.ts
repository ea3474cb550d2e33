import {
  GUANGZHOU_REGION_PREFIX,
  isoDayFromCompact,
  qualification,
  toCompactDate,
  type ItemGuide,
  type Qualification,
} from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { ResidenceFile } from '../../upstreams/identity/identity.mapping';
import { permitActionOf } from './residence-items';
import { factsOf, isLocalHukou } from './residence-view';

/**
 * A pre-check before filing an item for a subject (oneself or a family member):
 * throws with the reason when the subject does not qualify, else returns.
 * Applications run it before submitting; the approval system checks again.
 */
export interface ItemEligibility {
  check(item: ItemGuide, subject: { idNumber: string }): Promise<void>;
}

/** The register's residence file of a person (the identity client's read). */
export interface ResidenceRecords {
  residence(idNumber: string): Promise<ResidenceFile>;
}

/** Today as the rules count days: the China calendar day, yyyy-MM-dd. */
export function todayOf(clock: Clock): string {
  return isoDayFromCompact(toCompactDate(clock.now()));
}

/**
 * 居住登记申报 is open to someone whose hukou is elsewhere and who has no active
 * registration here yet (a move within the city is 居住登记变更).
 */
export function registrationQualification(file: ResidenceFile): Qualification {
  if (isLocalHukou(file)) return { allowed: false, reason: '您的户籍在广州市，无需办理居住登记' };
  if (file.registrations.some((entry) => entry.active && entry.districtCode.startsWith(GUANGZHOU_REGION_PREFIX))) {
    return { allowed: false, reason: '您已在本市办理居住登记；居住地址变化请办理居住登记变更' };
  }
  return { allowed: true };
}

/**
 * The 居住证 items (申领, 签注, 补领, 换领) by the shared rules on the subject's
 * residence file; any other item passes. The pre-check saves a citizen a
 * refused case, but it never blocks: when the register cannot be read the
 * filing goes on and the approval system decides.
 */
export class ResidenceEligibility implements ItemEligibility {
  constructor(private readonly deps: { records: ResidenceRecords; clock: Clock }) {}

  async check(item: ItemGuide, subject: { idNumber: string }): Promise<void> {
    const action = permitActionOf(item.name);
    if (!action) return;
    let file: ResidenceFile;
    try {
      file = await this.deps.records.residence(subject.idNumber);
    } catch (error) {
      if (error instanceof AppError && error.code === 'UPSTREAM_UNAVAILABLE') return;
      throw error;
    }
    const verdict = qualification(action, factsOf(file), todayOf(this.deps.clock));
    if (!verdict.allowed) throw new AppError({ code: 'RESIDENCE_NOT_ELIGIBLE', message: verdict.reason });
  }
}
