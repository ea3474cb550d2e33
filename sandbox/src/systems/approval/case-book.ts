import type { ApprovalItem } from './items';
import type { Applicant, CaseRecord, SubmittedMaterial } from './records';

/** A case with what the system keeps beside the record it serves. */
export interface CaseEntry {
  record: CaseRecord;
  /** The applicant: only they may change the case; they and the 当事人 (record.dsr) may read it. */
  sfzmhm: string;
  /** 申请人 as submitted (the staff console shows it). */
  applicant: Applicant;
  item: ApprovalItem;
  /** Materials of the submission and of every 补正 answer. */
  materials: SubmittedMaterial[];
  /** The form data (bdsj) as submitted: what other systems act on once the case is decided. */
  formData: Readonly<Record<string, string | string[]>>;
}

/** The cases, by 办件编号 and by the caller's 外部编号 (wbbh), in memory. */
export class CaseBook {
  private readonly byNumber = new Map<string, CaseEntry>();
  private readonly byWbbh = new Map<string, CaseEntry>();

  has(bjbh: string): boolean {
    return this.byNumber.has(bjbh);
  }

  get(bjbh: string): CaseEntry | undefined {
    return this.byNumber.get(bjbh);
  }

  /** The case for its applicant or its 当事人 (to read): another person's case is as unknown as a missing one. */
  getFor(bjbh: string, sfzmhm: string): CaseEntry | undefined {
    const entry = this.byNumber.get(bjbh);
    return entry && concerns(entry, sfzmhm) ? entry : undefined;
  }

  /** The case only for its own applicant (to change it: 补正, 撤回). */
  getForApplicant(bjbh: string, sfzmhm: string): CaseEntry | undefined {
    const entry = this.byNumber.get(bjbh);
    return entry?.sfzmhm === sfzmhm ? entry : undefined;
  }

  byExternalNumber(wbbh: string): CaseEntry | undefined {
    return this.byWbbh.get(wbbh);
  }

  /** Adds a new case; the caller has checked wbbh in the same synchronous turn (no await in between). */
  add(entry: CaseEntry): void {
    if (this.byWbbh.has(entry.record.wbbh)) throw new Error(`approval: wbbh ${entry.record.wbbh} already has a case`);
    this.byNumber.set(entry.record.bjbh, entry);
    this.byWbbh.set(entry.record.wbbh, entry);
  }

  /** Newest first, optionally those of one person (as applicant or 当事人). */
  list(sfzmhm?: string): CaseEntry[] {
    return [...this.byNumber.values()].filter((entry) => sfzmhm === undefined || concerns(entry, sfzmhm)).reverse();
  }

  clear(): void {
    this.byNumber.clear();
    this.byWbbh.clear();
  }
}

function concerns(entry: CaseEntry, sfzmhm: string): boolean {
  return entry.sfzmhm === sfzmhm || entry.record.dsr?.sfzmhm === sfzmhm;
}
