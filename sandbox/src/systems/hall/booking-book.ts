import { randomInt } from 'node:crypto';
import type { Prng } from '../../core/prng';
import type { LegacyError } from '../../legacy/envelope';
import { addDays, hallTime, type HallTime } from './beijing-time';
import { HALL_ERRORS, tooManyNoShows } from './errors';
import { noShowStanding, type NoShowStanding } from './no-shows';
import type { Applicant, Booking, BookingAgent, Flag } from './records';
import { BOOKING_DAYS_AHEAD, daySlots, seedBookedElsewhere, seedCapacity, type SlotPlan } from './slots';
import type { Hall } from './tables';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: LegacyError; data?: Record<string, string> };

export interface BookingRequest {
  wbbh: string;
  dtbh: string;
  ywdm: string;
  rq: string;
  sdbh: string;
  sqr: Applicant;
  dlr?: BookingAgent;
  lstd: Flag;
}

/** A slot as /hall/v1/dt/:dtbh/hy lists it. */
export interface SlotView {
  sdbh: string;
  kssj: string;
  jssj: string;
  zrs: number;
  yyrs: number;
  lszrs: number;
  lsyyrs: number;
}

/** A slot's capacity and the places taken by people outside the sandbox's callers (seeded or set by tests). */
interface SlotSetting {
  zrs: number;
  lszrs: number;
  elsewhereRegular: number;
  elsewhereGreen: number;
}

interface Located {
  hall: Hall;
  ywdm: string;
  plan: SlotPlan;
  key: string;
}

const fail = <T>(error: LegacyError, data?: Record<string, string>): Outcome<T> =>
  data ? { ok: false, error, data } : { ok: false, error };

/**
 * The booking ledger (预约). Every rule is checked and the place taken in
 * one synchronous step, so concurrent requests (Node runs one handler at a
 * time between awaits) can never oversell a slot or book twice.
 */
export class BookingBook {
  private readonly bookings = new Map<string, Booking>();
  private readonly byWbbh = new Map<string, string>();
  private readonly settings = new Map<string, SlotSetting>();
  private seq = 0;

  constructor(
    private readonly halls: ReadonlyMap<string, Hall>,
    private readonly random: (stream: string) => Prng,
  ) {}

  reset(): void {
    this.bookings.clear();
    this.byWbbh.clear();
    this.settings.clear();
    this.seq = 0;
  }

  /** The day's slots of a business at a hall, past ones shown full. */
  slots(dtbh: string, ywdm: string, rq: string, nowMs: number): Outcome<SlotView[]> {
    const hall = this.halls.get(dtbh);
    if (!hall) return fail(HALL_ERRORS.NO_HALL);
    if (!windowsOf(hall, ywdm)) return fail(HALL_ERRORS.NOT_HANDLED);
    if (!inBookingRange(rq, hallTime(nowMs))) return fail(HALL_ERRORS.DATE_OUT_OF_RANGE);
    return { ok: true, value: daySlots(hall, rq).map((plan) => this.view(hall, ywdm, rq, plan, nowMs)) };
  }

  book(request: BookingRequest, nowMs: number): Outcome<Booking> {
    this.markNoShows(nowMs);
    const known = this.byWbbh.get(request.wbbh);
    const repeated = known === undefined ? undefined : this.bookings.get(known);
    if (repeated) return { ok: true, value: repeated };
    const located = this.locate(request.dtbh, request.ywdm, request.rq, request.sdbh, nowMs);
    if (!located.ok) return located;
    const standing = this.standing(request.sqr.sfzmhm, nowMs);
    if (standing.jzrq) return fail(tooManyNoShows(standing.jzrq), { jzrq: standing.jzrq });
    const active = [...this.bookings.values()].some(
      (booking) => booking.zt === '1' && booking.ywdm === request.ywdm && booking.sqr.sfzmhm === request.sqr.sfzmhm,
    );
    if (active) return fail(HALL_ERRORS.ALREADY_BOOKED);
    const place = this.freePlace(located.value, request.lstd);
    if (place === undefined) return fail(HALL_ERRORS.SLOT_FULL);
    const { plan } = located.value;
    const now = hallTime(nowMs);
    this.seq += 1;
    const booking: Booking = {
      yybh: this.newBookingNumber(now.date),
      wbbh: request.wbbh,
      dtbh: request.dtbh,
      ywdm: request.ywdm,
      rq: request.rq,
      sdbh: plan.sdbh,
      kssj: plan.kssj,
      jssj: plan.jssj,
      startMs: plan.startMs,
      endMs: plan.endMs,
      zt: '1',
      lstd: request.lstd,
      greenPlace: place === 'green',
      sqr: { ...request.sqr },
      ...(request.dlr ? { dlr: { ...request.dlr } } : {}),
      cjsj: now.stamp,
      seq: this.seq,
    };
    this.bookings.set(booking.yybh, booking);
    this.byWbbh.set(booking.wbbh, booking.yybh);
    return { ok: true, value: booking };
  }

  cancel(yybh: string, sfzmhm: string, nowMs: number): Outcome<Booking> {
    const found = this.ownedBy(yybh, sfzmhm, nowMs);
    if (!found.ok) return found;
    const booking = found.value;
    if (booking.zt !== '1' || booking.startMs <= nowMs) return fail(HALL_ERRORS.CANNOT_CANCEL);
    booking.zt = '2';
    booking.qxsj = hallTime(nowMs).stamp;
    return { ok: true, value: booking };
  }

  /** 改期: the new place is taken before the old one is given back, in one step. */
  reschedule(yybh: string, sfzmhm: string, rq: string, sdbh: string, nowMs: number): Outcome<Booking> {
    const found = this.ownedBy(yybh, sfzmhm, nowMs);
    if (!found.ok) return found;
    const booking = found.value;
    if (booking.zt !== '1' || booking.startMs <= nowMs) return fail(HALL_ERRORS.CANNOT_CANCEL);
    const located = this.locate(booking.dtbh, booking.ywdm, rq, sdbh, nowMs);
    if (!located.ok) return located;
    if (located.value.key === slotKey(booking.dtbh, booking.ywdm, booking.rq, booking.sdbh)) {
      return { ok: true, value: booking };
    }
    const place = this.freePlace(located.value, booking.lstd);
    if (place === undefined) return fail(HALL_ERRORS.SLOT_FULL);
    const { plan } = located.value;
    Object.assign(booking, {
      rq,
      sdbh: plan.sdbh,
      kssj: plan.kssj,
      jssj: plan.jssj,
      startMs: plan.startMs,
      endMs: plan.endMs,
      greenPlace: place === 'green',
    });
    return { ok: true, value: booking };
  }

  /** The person's bookings as applicant or agent, newest first, with their no-show standing. */
  bookingsOf(sfzmhm: string, nowMs: number): { list: Booking[] } & NoShowStanding {
    this.markNoShows(nowMs);
    const list = [...this.bookings.values()]
      .filter((booking) => booking.sqr.sfzmhm === sfzmhm || booking.dlr?.sfzmhm === sfzmhm)
      .sort((a, b) => b.seq - a.seq);
    return { list, ...this.standing(sfzmhm, nowMs) };
  }

  /** Every booking (control API), optionally one person's. */
  all(nowMs: number, sfzmhm?: string): Booking[] {
    if (sfzmhm !== undefined) return this.bookingsOf(sfzmhm, nowMs).list;
    this.markNoShows(nowMs);
    return [...this.bookings.values()].sort((a, b) => b.seq - a.seq);
  }

  /** 签到 at the hall (control API): only an active booking. */
  checkIn(yybh: string, nowMs: number): Booking | 'unknown' | 'not-active' {
    this.markNoShows(nowMs);
    const booking = this.bookings.get(yybh);
    if (!booking) return 'unknown';
    if (booking.zt !== '1') return 'not-active';
    booking.zt = '3';
    booking.qdsj = hallTime(nowMs).stamp;
    return booking;
  }

  /**
   * Sets a slot's capacity and booked counts (control API). yyrs and lsyyrs
   * are totals including the sandbox's own bookings, which cannot be undone
   * here; the rest is counted as booked elsewhere.
   */
  setSlot(
    target: { dtbh: string; ywdm: string; rq: string; sdbh: string },
    changes: { zrs?: number; lszrs?: number; yyrs?: number; lsyyrs?: number },
    nowMs: number,
  ): Outcome<SlotView> | { ok: false; problem: string } {
    const hall = this.halls.get(target.dtbh);
    if (!hall) return { ok: false, problem: `no hall ${target.dtbh}` };
    if (!windowsOf(hall, target.ywdm)) return { ok: false, problem: `${target.dtbh} does not handle ${target.ywdm}` };
    const plan = daySlots(hall, target.rq).find((candidate) => candidate.sdbh === target.sdbh);
    if (!plan) return { ok: false, problem: `no slot ${target.sdbh} on ${target.rq} (closed day or unknown sdbh)` };
    const key = slotKey(target.dtbh, target.ywdm, target.rq, target.sdbh);
    const current = this.setting(hall, target.ywdm, key);
    const own = this.ownTaken(key);
    const zrs = changes.zrs ?? current.zrs;
    const lszrs = changes.lszrs ?? Math.min(current.lszrs, zrs);
    const lsyyrs = changes.lsyyrs ?? current.elsewhereGreen + own.green;
    const yyrs = changes.yyrs ?? current.elsewhereRegular + own.regular + lsyyrs;
    const problem =
      lszrs > zrs
        ? 'lszrs cannot exceed zrs'
        : lsyyrs > lszrs
          ? 'lsyyrs cannot exceed lszrs'
          : lsyyrs < own.green
            ? `lsyyrs cannot be below the ${own.green} green places booked here`
            : yyrs - lsyyrs > zrs - lszrs
              ? 'regular places booked (yyrs - lsyyrs) cannot exceed zrs - lszrs'
              : yyrs - lsyyrs < own.regular
                ? `regular places booked (yyrs - lsyyrs) cannot be below the ${own.regular} booked here`
                : undefined;
    if (problem) return { ok: false, problem };
    this.settings.set(key, {
      zrs,
      lszrs,
      elsewhereRegular: yyrs - lsyyrs - own.regular,
      elsewhereGreen: lsyyrs - own.green,
    });
    return { ok: true, value: this.view(hall, target.ywdm, target.rq, plan, nowMs) };
  }

  private view(hall: Hall, ywdm: string, rq: string, plan: SlotPlan, nowMs: number): SlotView {
    const key = slotKey(hall.dtbh, ywdm, rq, plan.sdbh);
    const setting = this.setting(hall, ywdm, key);
    const own = this.ownTaken(key);
    const lsyyrs = setting.elsewhereGreen + own.green;
    const yyrs = setting.elsewhereRegular + own.regular + lsyyrs;
    // A slot that has started cannot be booked: the platform shows it full.
    const past = plan.startMs <= nowMs;
    return {
      sdbh: plan.sdbh,
      kssj: plan.kssj,
      jssj: plan.jssj,
      zrs: setting.zrs,
      yyrs: past ? setting.zrs : yyrs,
      lszrs: setting.lszrs,
      lsyyrs: past ? setting.lszrs : lsyyrs,
    };
  }

  /** The slot of a booking or reschedule, with the errors in the platform's order. */
  private locate(dtbh: string, ywdm: string, rq: string, sdbh: string, nowMs: number): Outcome<Located> {
    const hall = this.halls.get(dtbh);
    if (!hall) return fail(HALL_ERRORS.NO_HALL);
    if (!windowsOf(hall, ywdm)) return fail(HALL_ERRORS.NOT_HANDLED);
    if (!inBookingRange(rq, hallTime(nowMs))) return fail(HALL_ERRORS.DATE_OUT_OF_RANGE);
    const plan = daySlots(hall, rq).find((candidate) => candidate.sdbh === sdbh);
    if (!plan || plan.startMs <= nowMs) return fail(HALL_ERRORS.NO_SLOT);
    return { ok: true, value: { hall, ywdm, plan, key: slotKey(dtbh, ywdm, rq, sdbh) } };
  }

  /** A green-channel booking takes a green place first, then a regular one; others only regular ones. */
  private freePlace(located: Located, lstd: Flag): 'green' | 'regular' | undefined {
    const setting = this.setting(located.hall, located.ywdm, located.key);
    const own = this.ownTaken(located.key);
    const greenFree = setting.lszrs - setting.elsewhereGreen - own.green;
    const regularFree = setting.zrs - setting.lszrs - setting.elsewhereRegular - own.regular;
    if (lstd === '1' && greenFree > 0) return 'green';
    return regularFree > 0 ? 'regular' : undefined;
  }

  private setting(hall: Hall, ywdm: string, key: string): SlotSetting {
    let setting = this.settings.get(key);
    if (!setting) {
      const capacity = seedCapacity(windowsOf(hall, ywdm) ?? 1);
      setting = {
        ...capacity,
        elsewhereRegular: seedBookedElsewhere(this.random(`hall:slot:${key}`), capacity),
        elsewhereGreen: 0,
      };
      this.settings.set(key, setting);
    }
    return setting;
  }

  /** Places the sandbox's own bookings hold in a slot (a cancelled booking holds none). */
  private ownTaken(key: string): { regular: number; green: number } {
    const taken = { regular: 0, green: 0 };
    for (const booking of this.bookings.values()) {
      if (booking.zt === '2' || slotKey(booking.dtbh, booking.ywdm, booking.rq, booking.sdbh) !== key) continue;
      if (booking.greenPlace) taken.green += 1;
      else taken.regular += 1;
    }
    return taken;
  }

  /** The booking if the person is its applicant or agent; someone else's is answered as unknown. */
  private ownedBy(yybh: string, sfzmhm: string, nowMs: number): Outcome<Booking> {
    this.markNoShows(nowMs);
    const booking = this.bookings.get(yybh);
    if (!booking || (booking.sqr.sfzmhm !== sfzmhm && booking.dlr?.sfzmhm !== sfzmhm)) {
      return fail(HALL_ERRORS.NO_BOOKING);
    }
    return { ok: true, value: booking };
  }

  /** The applicant's no-shows (a booking made for them counts against them, not the agent). */
  private standing(sfzmhm: string, nowMs: number): NoShowStanding {
    this.markNoShows(nowMs);
    const times: number[] = [];
    for (const booking of this.bookings.values()) {
      if (booking.sqr.sfzmhm === sfzmhm && booking.zt === '4') times.push(booking.endMs);
    }
    return noShowStanding(times, nowMs);
  }

  /** Bookings whose slot ended without 签到 become 爽约 when next looked at. */
  private markNoShows(nowMs: number): void {
    for (const booking of this.bookings.values()) {
      if (booking.zt === '1' && booking.endMs <= nowMs) booking.zt = '4';
    }
  }

  /** YY + the day + 8 crypto-random digits: one number reveals no other. */
  private newBookingNumber(day: string): string {
    for (;;) {
      const yybh = `YY${day}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
      if (!this.bookings.has(yybh)) return yybh;
    }
  }
}

export function slotKey(dtbh: string, ywdm: string, rq: string, sdbh: string): string {
  return `${dtbh}|${ywdm}|${rq}|${sdbh}`;
}

export function windowsOf(hall: Hall, ywdm: string): number | undefined {
  return hall.yw.find((business) => business.ywdm === ywdm)?.cks;
}

/** Today up to BOOKING_DAYS_AHEAD days ahead (Beijing days). */
export function inBookingRange(rq: string, now: HallTime): boolean {
  return rq >= now.date && rq <= addDays(now.date, BOOKING_DAYS_AHEAD);
}
