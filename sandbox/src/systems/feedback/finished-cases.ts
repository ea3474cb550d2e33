import type { CaseDecided, SandboxEvents } from '../../core/events';
import { normaliseIdNumber } from '../../seed/population';

export interface FinishedCase {
  sxbm: string;
  /** The applicant, normalised (upper-case X). */
  sfzmhm: string;
  status: CaseDecided['status'];
}

/**
 * Which cases are finished (办结: 05 准予许可, 06 不予许可, 07 已送达), as the
 * approval system announces them. The real 好差评 platform gets the same
 * feed from the data-exchange platform; a case never announced here
 * (unknown, still open, withdrawn) cannot be rated.
 */
export class FinishedCases {
  private readonly cases = new Map<string, FinishedCase>();
  private readonly unsubscribe: () => void;

  constructor(events: SandboxEvents) {
    this.unsubscribe = events.on('caseDecided', (event) => {
      // 07 follows 05 for the same case: the latest status wins, the applicant stays.
      this.cases.set(event.bjbh, { sxbm: event.sxbm, sfzmhm: normaliseIdNumber(event.sfzmhm), status: event.status });
    });
  }

  get(bjbh: string): FinishedCase | undefined {
    return this.cases.get(bjbh);
  }

  /** Forgets what was announced (the approval system forgets its cases on reset too). */
  reset(): void {
    this.cases.clear();
  }

  close(): void {
    this.unsubscribe();
  }
}
