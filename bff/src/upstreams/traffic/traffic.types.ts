import type { StatusWord, VehicleSummary, Violation } from '@suijing/shared';

/**
 * The traffic system's records in our words: what the traffic adapter
 * returns. Days are yyyy-MM-dd ('' where the system has none), codes are
 * decoded into the words a citizen reads, statuses carry how much they
 * should worry them.
 */

/** The day the traffic system writes for 长期 (a validity without end). */
export const LONG_TERM_DAY = '2099-12-31';

export interface LicenceRecord {
  archiveNo: string;
  idNumber: string;
  name: string;
  /** 男 or 女; any other code as written. */
  gender: string;
  nationality: string;
  birthDate: string;
  /** 准驾车型 as written: "C1", "A1A2", "C1D". */
  classes: string;
  accumulatedPoints: number;
  /** The day the points count starts again (清分日期). */
  pointsResetOn: string;
  validFrom: string;
  validUntil: string;
  firstIssuedOn: string;
  lastReviewOn: string;
  lastMedicalOn: string;
  issuer: string;
  /** One word per status letter; none when the system gave none. */
  statuses: StatusWord[];
}

export interface VehicleRecord {
  /** The system's number for the vehicle: stable, and what its checks are asked by. */
  recordNo: string;
  plate: string;
  /** 号牌种类 (GA 24.7) as its code, for matching records of the same plate, and in words. */
  plateKindCode: string;
  plateKind: string;
  plateColour: VehicleSummary['plateColour'];
  vehicleType: string;
  brand: string;
  model: string;
  colour: string;
  useNature: string;
  registeredOn: string;
  inspectionUntil: string;
  scrapOn: string;
  insuranceUntil: string;
  mortgaged: boolean;
  vin: string;
  owner: string;
  statuses: StatusWord[];
}

export type ViolationKind = Violation['kind'];

export interface ViolationRecord {
  id: string;
  plate: string;
  plateKindCode: string;
  /** ISO time with the Beijing offset. */
  time: string;
  place: string;
  code: string;
  description: string;
  fine: number;
  points: number;
  handled: boolean;
  paid: boolean;
  authority: string;
  /** 决定书编号, once handled (absent in copies cached before it was read). */
  decisionNo?: string;
}

/** One record with what only its detail tells: how many evidence photos the system holds. */
export interface ViolationDetailRecord extends ViolationRecord {
  photoCount: number;
}

export interface EvidencePhoto {
  bytes: Buffer;
  contentType: string;
}

/**
 * Why a record cannot be handled online: not the person's, already handled,
 * no licence or one not 正常, 12 points reached, or an act for a window.
 */
export type HandlingRefusal =
  'not-found' | 'already-handled' | 'no-licence' | 'licence-status' | 'points-reach-12' | 'window-only';

/** 交警大队违法处理窗口 or 车管所违法处理窗口. */
export type HandlingWindow = 'police' | 'vehicle-office';

export interface HandlingRefused extends TrafficRefusal<HandlingRefusal> {
  /** Where to go instead (every refusal but not-found and already-handled sends the person to a window). */
  window?: HandlingWindow;
}

/** What handling a record online would do. */
export interface HandlingAllowed {
  ok: true;
  pointsNow: number;
  pointsAfter: number;
  /** The licence's statuses after handling (unchanged below 12 points). */
  licenceStatusAfter: StatusWord[];
  fineFen: number;
  points: number;
}

/** The 处罚决定书 handling issued. */
export interface HandlingDecision {
  ok: true;
  decisionNo: string;
  fineFen: number;
  points: number;
  pointsAfter: number;
  handledAt: Date;
  /** yyyy-MM-dd: the last day to pay without a late fee (decision day + 15). */
  dueDate: string;
}

/** A precheck the system refused, why (in our words) and its own message. */
export interface TrafficRefusal<R extends string> {
  ok: false;
  reason: R;
  message: string;
}

export type DowngradeRefusal = 'no-licence' | 'class-not-held' | 'licence-status' | 'unhandled-violations';

/** 自愿降级 is allowed: the licence's archive number and the classes before and after. */
export interface DowngradeAllowed {
  ok: true;
  archiveNo: string;
  from: string;
  to: string;
}

export type ReleaseRefusal = 'no-vehicle' | 'not-mortgaged' | 'no-release-record';

/** 解除抵押 is possible: the lender's release record of the vehicle. */
export interface ReleaseRecord {
  ok: true;
  plate: string;
  plateKindCode: string;
  vin: string;
  lender: string;
  contractNo: string;
  /** The number of the lender's written release, which stands for the material. */
  releaseNo: string;
}
