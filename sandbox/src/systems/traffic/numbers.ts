import { Scrambler } from './numbering';

/** Slots per person: vehicles (xh, plates) and generated violations (wfbh). */
export const VEHICLE_SLOTS = 4;
export const VIOLATION_SLOTS = 64;
const AREA = '4401';
/** The digit after the area code: generated 现场 / 非现场 records, and records added through the control API. */
const WFBH_KIND = { xc: '0', fxc: '1', added: '9' } as const;

/**
 * The traffic system's record numbers, all unique by construction (see
 * Scrambler) and all leading back to the person they belong to.
 */
export class TrafficNumbers {
  private readonly dabhs: Scrambler;
  private readonly xhs: Scrambler;
  private readonly plates: Scrambler;
  private readonly wfbhs: Scrambler;
  private readonly jdsbhs: Scrambler;

  constructor(seed: number) {
    this.dabhs = new Scrambler(8, seed, 'dabh');
    this.xhs = new Scrambler(10, seed, 'xh');
    this.plates = new Scrambler(5, seed, 'plate');
    this.wfbhs = new Scrambler(11, seed, 'wfbh');
    this.jdsbhs = new Scrambler(15, seed, 'jdsbh');
  }

  /** 档案编号: 12 digits. */
  dabh(personIndex: number): string {
    return `${AREA}${this.dabhs.encode(personIndex)}`;
  }

  /** 机动车序号: 14 digits. */
  xh(personIndex: number, slot: number): string {
    return `${AREA}${this.xhs.encode(personIndex * VEHICLE_SLOTS + slot)}`;
  }

  /** The person index and slot behind an xh, if it has the shape of one. */
  ownerOfXh(xh: string): { personIndex: number; slot: number } | undefined {
    if (!/^4401\d{10}$/.test(xh)) return undefined;
    const ordinal = this.xhs.decode(xh.slice(AREA.length));
    return { personIndex: Math.floor(ordinal / VEHICLE_SLOTS), slot: ordinal % VEHICLE_SLOTS };
  }

  /** Five distinct digits per vehicle slot: the plate's serial part (plates.ts renders it). */
  plateDigits(personIndex: number, slot: number): string {
    return this.plates.encode(personIndex * VEHICLE_SLOTS + slot);
  }

  /** 违法编号 of a generated record: 16 digits. */
  wfbh(kind: 'xc' | 'fxc', personIndex: number, slot: number): string {
    return `${AREA}${WFBH_KIND[kind]}${this.wfbhs.encode(personIndex * VIOLATION_SLOTS + slot)}`;
  }

  /** 处罚决定书编号 of a record once handled: 20 digits, one per 违法编号 (its last 12 digits are the ordinal). */
  jdsbh(wfbh: string): string {
    return `${AREA}1${this.jdsbhs.encode(Number(wfbh.slice(AREA.length)))}`;
  }

  /** 违法编号 of a record added through the control API (never equal to a generated one). */
  addedWfbh(counter: number): string {
    return `${AREA}${WFBH_KIND.added}${String(counter).padStart(11, '0')}`;
  }
}
