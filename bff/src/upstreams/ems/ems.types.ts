import type { ParcelEventKind } from '@suijing/shared';

/** One step of a mail item's way, in our words. */
export interface ParcelStep {
  time: Date;
  /** The office or centre where it happened, e.g. 广州邮件处理中心. */
  place: string;
  /** What happened, e.g. 到达投递局. */
  text: string;
  kind: ParcelEventKind;
}

/** What the BFF asks of EMS. */
export interface EmsPort {
  /** A mail item's way so far, oldest first; undefined when EMS knows no item with this number. */
  track(mailNo: string): Promise<ParcelStep[] | undefined>;
}
