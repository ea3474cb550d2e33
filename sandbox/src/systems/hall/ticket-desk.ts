import { Prng } from '../../core/prng';
import type { LegacyError } from '../../legacy/envelope';
import { hallTime, instantOf, type HallTime } from './beijing-time';
import { windowsOf, type Outcome } from './booking-book';
import { HALL_ERRORS } from './errors';
import { openPeriods, type OpenPeriod } from './hours';
import { walkInQueue, type QueueState } from './queue';
import type { Flag, Ticket } from './records';
import { ticketProgress, type TicketProgress } from './ticket-progress';
import type { Business, Hall } from './tables';

/** Remote tickets can be taken this long before the day's hours start. */
const EARLY_MINUTES = 30;
/** Green-channel (60+) tickets: their own letter, called before regular ones. */
const GREEN_PREFIX = 'L';
/** The walk-in queue changes every 10 minutes: the people served are summed in those steps. */
const SERVED_STEP_MINUTES = 10;

export interface TicketRequest {
  wbbh: string;
  dtbh: string;
  ywdm: string;
  sfzmhm: string;
  sjhm: string;
  lstd: Flag;
}

export type TicketView = { phbh: string; dtbh: string; ywdm: string; qhsj: string } & TicketProgress;

const fail = <T>(error: LegacyError): Outcome<T> => ({ ok: false, error });

/** The halls' queues (排队叫号): live walk-in numbers, overrides set by tests, and remote tickets (取号). */
export class TicketDesk {
  private readonly overrides = new Map<string, QueueState>();
  private readonly tickets: Ticket[] = [];
  private readonly byWbbh = new Map<string, Ticket>();
  private readonly counters = new Map<string, number>();

  constructor(
    private readonly seed: number,
    private readonly halls: ReadonlyMap<string, Hall>,
    private readonly businesses: ReadonlyMap<string, Business>,
  ) {}

  reset(): void {
    this.overrides.clear();
    this.tickets.length = 0;
    this.byWbbh.clear();
    this.counters.clear();
  }

  /** The live queue of every business of a hall: walk-ins (or the override) plus waiting remote tickets. */
  queues(hall: Hall, nowMs: number): ({ ywdm: string } & QueueState)[] {
    return hall.yw.map(({ ywdm }) => ({ ywdm, ...this.queue(hall, ywdm, nowMs) }));
  }

  /** Replaces the walk-in queue of a business (control API) until reset. */
  override(
    hall: Hall,
    ywdm: string,
    state: { ddrs: number; kfck?: number; pjblsj?: number },
    nowMs: number,
  ): QueueState {
    const walkIn = this.walkIn(hall, ywdm, nowMs);
    const windows = windowsOf(hall, ywdm) ?? 1;
    this.overrides.set(`${hall.dtbh}|${ywdm}`, {
      ddrs: state.ddrs,
      kfck: state.kfck ?? (walkIn.kfck > 0 ? walkIn.kfck : windows),
      pjblsj: state.pjblsj ?? walkIn.pjblsj,
    });
    return this.queue(hall, ywdm, nowMs);
  }

  take(request: TicketRequest, nowMs: number): Outcome<TicketView> {
    const repeated = this.byWbbh.get(request.wbbh);
    if (repeated) return { ok: true, value: view(repeated, nowMs) };
    const hall = this.halls.get(request.dtbh);
    if (!hall) return fail(HALL_ERRORS.NO_HALL);
    const windows = windowsOf(hall, request.ywdm);
    if (windows === undefined) return fail(HALL_ERRORS.NOT_HANDLED);
    const now = hallTime(nowMs);
    const periods = openPeriods(hall, now.date);
    const period = periods.find((p) => now.minute >= p.from - EARLY_MINUTES && now.minute < p.to);
    const last = periods[periods.length - 1];
    if (!period || !last) return fail(HALL_ERRORS.NOT_TICKET_TIME);
    const waiting = this.tickets.find(
      (ticket) =>
        ticket.dtbh === request.dtbh &&
        ticket.ywdm === request.ywdm &&
        ticket.sfzmhm === request.sfzmhm &&
        ticketProgress(ticket, nowMs).zt === '1',
    );
    if (waiting) return { ok: true, value: view(waiting, nowMs) };
    const queue = this.queue(hall, request.ywdm, nowMs);
    const green = request.lstd === '1';
    const ticket: Ticket = {
      phbh: this.nextNumber(hall, request.ywdm, green, now, periods),
      wbbh: request.wbbh,
      dtbh: request.dtbh,
      ywdm: request.ywdm,
      sfzmhm: request.sfzmhm,
      sjhm: request.sjhm,
      lstd: request.lstd,
      qhsj: now.stamp,
      // The green channel is called first: only other waiting green tickets are ahead.
      ahead: green ? this.waitingTickets(hall.dtbh, request.ywdm, nowMs, true) : queue.ddrs,
      // Taken before opening, the queue is closed: it will be served by all the business's windows.
      kfck: queue.kfck > 0 ? queue.kfck : windows,
      pjblsj: queue.pjblsj,
      serveFromMs: Math.max(nowMs, instantOf(now.date, period.from)),
      closeMs: instantOf(now.date, last.to),
      seq: this.tickets.length + 1,
    };
    this.tickets.push(ticket);
    this.byWbbh.set(ticket.wbbh, ticket);
    return { ok: true, value: view(ticket, nowMs) };
  }

  /** The person's latest ticket with that number at that hall. */
  find(phbh: string, dtbh: string, sfzmhm: string, nowMs: number): TicketView | undefined {
    const ticket = this.latest((t) => t.phbh === phbh && t.dtbh === dtbh && t.sfzmhm === sfzmhm);
    return ticket ? view(ticket, nowMs) : undefined;
  }

  /** Every ticket with that number (at that hall, when given), newest first (control API). */
  withNumber(phbh: string, dtbh?: string): Ticket[] {
    return this.tickets
      .filter((ticket) => ticket.phbh === phbh && (dtbh === undefined || ticket.dtbh === dtbh))
      .sort((a, b) => b.seq - a.seq);
  }

  /** Calls a waiting ticket to a window (control API). */
  call(ticket: Ticket, ck: string, nowMs: number): TicketView | undefined {
    if (ticketProgress(ticket, nowMs).zt !== '1') return undefined;
    ticket.call = { ck, atMs: nowMs };
    return view(ticket, nowMs);
  }

  private queue(hall: Hall, ywdm: string, nowMs: number): QueueState {
    const base = this.walkIn(hall, ywdm, nowMs);
    return { ...base, ddrs: base.ddrs + this.waitingTickets(hall.dtbh, ywdm, nowMs, false) };
  }

  private walkIn(hall: Hall, ywdm: string, nowMs: number): QueueState {
    const override = this.overrides.get(`${hall.dtbh}|${ywdm}`);
    if (override) return override;
    const business = this.businesses.get(ywdm);
    const windows = windowsOf(hall, ywdm);
    if (!business || windows === undefined) return { ddrs: 0, pjblsj: 0, kfck: 0 };
    return walkInQueue(this.seed, hall, business, windows, hallTime(nowMs));
  }

  private waitingTickets(dtbh: string, ywdm: string, nowMs: number, greenOnly: boolean): number {
    return this.tickets.filter(
      (ticket) =>
        ticket.dtbh === dtbh &&
        ticket.ywdm === ywdm &&
        (!greenOnly || ticket.lstd === '1') &&
        ticketProgress(ticket, nowMs).zt === '1',
    ).length;
  }

  private latest(predicate: (ticket: Ticket) => boolean): Ticket | undefined {
    return this.tickets.filter(predicate).sort((a, b) => b.seq - a.seq)[0];
  }

  /**
   * A023: the business's letter at the hall (A, B, ... in its list; L for the
   * green channel) and the day's sequence. Walk-ins draw their numbers from
   * the same series at the hall's machine, so a regular number comes after
   * everyone served today and everyone waiting: nobody with A001 has 48
   * people ahead.
   */
  private nextNumber(hall: Hall, ywdm: string, green: boolean, now: HallTime, periods: readonly OpenPeriod[]): string {
    const index = hall.yw.findIndex((business) => business.ywdm === ywdm);
    const prefix = green ? GREEN_PREFIX : String.fromCharCode('A'.charCodeAt(0) + index);
    const key = `${hall.dtbh}|${prefix}|${now.date}`;
    // The green channel's walk-ins are few and not modelled: its day has simply run a while.
    const previous = this.counters.get(key) ?? (green ? Prng.derive(this.seed, `hall:ticketno:${key}`).int(0, 40) : 0);
    const remote = this.tickets.filter(
      (t) => t.dtbh === hall.dtbh && t.phbh.startsWith(prefix) && t.qhsj.startsWith(now.date),
    ).length;
    const walkIns = green ? 0 : this.walkInsIssued(hall, ywdm, now, periods);
    const issued = Math.max(previous, walkIns + remote);
    this.counters.set(key, issued + 1);
    return `${prefix}${String((issued % 999) + 1).padStart(3, '0')}`;
  }

  /** Walk-in numbers of a business issued today by now: those served since opening and those still waiting. */
  private walkInsIssued(hall: Hall, ywdm: string, now: HallTime, periods: readonly OpenPeriod[]): number {
    const business = this.businesses.get(ywdm);
    const windows = windowsOf(hall, ywdm);
    if (!business || windows === undefined) return 0;
    let served = 0;
    for (const period of periods) {
      for (let minute = period.from; minute < Math.min(period.to, now.minute); minute += SERVED_STEP_MINUTES) {
        const at = hallTime(instantOf(now.date, minute));
        const queue = walkInQueue(this.seed, hall, business, windows, at);
        const minutes = Math.min(SERVED_STEP_MINUTES, now.minute - minute, period.to - minute);
        if (queue.pjblsj > 0) served += (minutes * queue.kfck) / queue.pjblsj;
      }
    }
    return Math.floor(served) + this.walkIn(hall, ywdm, now.ms).ddrs;
  }
}

function view(ticket: Ticket, nowMs: number): TicketView {
  return {
    phbh: ticket.phbh,
    dtbh: ticket.dtbh,
    ywdm: ticket.ywdm,
    qhsj: ticket.qhsj,
    ...ticketProgress(ticket, nowMs),
  };
}
