import type { ApplicationDetail, ApplicationStatus, DeliveryMode, FormData, PostalAddress } from '@suijing/shared';

/** The approval system's cases in our words: what the adapter takes and answers. */

/** How a case's result reaches the citizen (unmasked: the view masks it). */
export interface CaseDelivery {
  mode: DeliveryMode;
  recipient?: string;
  phone?: string;
  /** Province, city and district run together, when given. */
  region?: string;
  detail?: string;
}

/** One step of a case's history. */
export interface CaseStep {
  step: string;
  /** The case's status after the step. */
  status: ApplicationStatus;
  /** Who handled it: a department, or 申请人. */
  actor: string;
  /** ISO time. */
  at: string;
  /** The handler's opinion as written (it may only repeat the status). */
  opinion?: string;
}

/** A case as the approval system holds it. Times are ISO, days yyyy-MM-dd. */
export interface ApprovalCase {
  caseNo: string;
  itemCode: string;
  itemName: string;
  status: ApplicationStatus;
  submittedAt: string;
  /** 承诺办结日期, in working days counted by the system. */
  promisedDate: string;
  currentStep: string;
  currentDepartment: string;
  currentDeadline?: string;
  /** What to supplement, while a 补正 is pending. */
  supplementRequest?: string;
  /** Why, once refused. */
  rejectionReason?: string;
  /** EMS number once posted. */
  trackingNo?: string;
  /** While a 补正 is pending, the promised date stopped counting then. */
  clockPausedSince?: string;
  /** Working days the promised date has moved on by 补正 (absent when none). */
  extendedWorkingDays?: number;
  delivery?: CaseDelivery;
  /** The 电子证明 once issued. */
  certificate?: NonNullable<ApplicationDetail['certificate']>;
  /** The fee paid online, from acceptance on (items charged online only). */
  fee?: CaseFeeRecord;
  /** The person the case is for, when someone else filed it (unmasked: the view masks it). */
  subject?: { name: string; idNumber: string };
  timeline: CaseStep[];
}

/** A case's fee as the approval system records it: due, paid by a transaction, or refunded. */
export interface CaseFeeRecord {
  /** 收费项目, e.g. 普通护照工本费. */
  title: string;
  amountFen: number;
  state: 'due' | 'paid' | 'refunded';
  /** The platform's transaction number that paid it. */
  transactionId?: string;
  paidAt?: string;
  refundedAt?: string;
}

/** A payment or refund of a case's fee, as reported to the approval system. */
export interface FeeSettlement {
  transactionId: string;
  amountFen: number;
  at: Date;
}

/** A material of a filing: the citizen's upload, a licence on file, or a record another body shared. */
export type CaseMaterial =
  | { source: 'upload'; name: string; fileId: string }
  | { source: 'elicence'; name: string; licenceId: string }
  | { source: 'shared'; name: string; recordNo: string };

/** How the result of a filing is to reach the citizen: by post to an address, with its recipient when not the applicant. */
export interface FilingDelivery {
  mode: DeliveryMode;
  address?: PostalAddress;
  recipient?: { name: string; phone: string };
}

/** What a case is filed with. */
export interface CaseFiling {
  /** Our number for the filing: the system keeps one case per number, so a repeat files nothing twice. */
  reference: string;
  itemCode: string;
  /** The verified applicant and the phone the case is filed with. */
  applicant: { name: string; idNumber: string; phone: string };
  data: FormData;
  materials: readonly CaseMaterial[];
  /** By post, the result goes to the recipient given (an address of the book), else the applicant at the filing's phone. */
  delivery?: FilingDelivery;
  /** The family member the case is for, when the applicant acts for them: as their guardian or an authorised relative. */
  subject?: CaseSubject;
}

export interface CaseSubject {
  name: string;
  idNumber: string;
  relation: 'guardian' | 'relative';
}

/** A change of a case the approval system pushed. */
export interface CaseChange {
  /** Unique per change: a redelivery repeats it. */
  eventId: string;
  caseNo: string;
  /** The status the change left the case in. */
  status: ApplicationStatus;
  /** The handler's opinion on this change, as written. */
  opinion?: string;
  /** The whole case after the change, so the order of arrival does not matter. */
  case: ApprovalCase;
}
