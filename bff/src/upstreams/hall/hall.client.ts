import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings, type Refused } from '../gov-system-client';
import {
  BlockedDataSchema,
  BookingAnswerSchema,
  BookingListResponseSchema,
  BookingRecordSchema,
  BusinessListResponseSchema,
  HALL_CODES,
  HallListResponseSchema,
  QueueResponseSchema,
  SlotListResponseSchema,
  StationPageResponseSchema,
  TicketResponseSchema,
  type BookingRecord,
  type BusinessRecord,
  type HallRecord,
  type QueueRecord,
  type SlotRecord,
  type StationRecord,
  type TicketRecord,
} from './hall.dialect';

/** A booking move the hall system refused, in its words; `until` for a no-show block. */
export interface BookingRefusal extends Refused {
  until?: string;
}

export type BookingOutcome = { ok: true; booking: BookingRecord } | BookingRefusal;

export interface BookingSubmission {
  wbbh: string;
  dtbh: string;
  ywdm: string;
  rq: string;
  sdbh: string;
  sqr: { xm: string; sfzmhm: string; sjhm: string };
  dlr?: { xm: string; sfzmhm: string };
  lstd: '0' | '1';
}

const STATION_PAGE_SIZE = 100;
/** The city has about a thousand stations and terminals; more pages than this is a broken answer. */
const MAX_STATION_PAGES = 20;

/** Refusals of bookings, moves and cancellations: the citizen's situation, not a broken system. */
const BOOKING_REFUSALS: readonly string[] = [
  HALL_CODES.FULL,
  HALL_CODES.DUPLICATE,
  HALL_CODES.BLOCKED,
  HALL_CODES.NO_SLOT,
  HALL_CODES.OUT_OF_RANGE,
  HALL_CODES.NO_BOOKING,
  HALL_CODES.NOT_HANDLED,
  HALL_CODES.CANNOT_CANCEL,
  HALL_CODES.NO_HALL,
  HALL_CODES.TICKET_CLOSED,
  HALL_CODES.NO_TICKET,
];

/** The halls' booking and queuing system (预约叫号平台). */
export class HallClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'hall', label: '预约叫号系统' });
  }

  async businesses(): Promise<BusinessRecord[]> {
    return this.data(await this.get('/hall/v1/yw', {}, BusinessListResponseSchema), 'yw').list;
  }

  async halls(): Promise<HallRecord[]> {
    return this.data(await this.get('/hall/v1/dt', {}, HallListResponseSchema), 'dt').list;
  }

  async queue(hallId: string): Promise<{ updatedAt: string; queues: QueueRecord[] }> {
    const page = this.data(
      await this.get(`/hall/v1/dt/${encodeURIComponent(hallId)}/pd`, {}, QueueResponseSchema),
      'pd',
    );
    return { updatedAt: page.gxsj, queues: page.list };
  }

  /** The day's slots, or the refusal (unknown hall, business not handled there, day out of range). */
  async slots(hallId: string, business: string, day: string): Promise<SlotRecord[] | BookingRefusal> {
    const answer = await this.get(
      `/hall/v1/dt/${encodeURIComponent(hallId)}/hy`,
      { ywdm: business, rq: day },
      SlotListResponseSchema,
    );
    if (answer.code === LEGACY_OK && answer.data) return answer.data.list;
    return this.refused(answer, BOOKING_REFUSALS);
  }

  /** Books once per wbbh: a repeat answers the same booking. */
  book(submission: BookingSubmission): Promise<BookingOutcome> {
    return this.bookingCall('/hall/v1/yy', submission, true);
  }

  /** The person's bookings, with their no-shows (爽约) in the last 90 days and any block they caused. */
  async bookings(idNumber: string): Promise<{ list: BookingRecord[]; noShows: number; blockedUntil?: string }> {
    const page = this.data(await this.get('/hall/v1/yy', { sfzmhm: idNumber }, BookingListResponseSchema), 'yy');
    return { list: page.list, noShows: page.sycs, ...(page.jzrq ? { blockedUntil: page.jzrq } : {}) };
  }

  /** Cancelling twice ends the same way, so a retry is harmless. */
  cancel(bookingNo: string, idNumber: string): Promise<BookingOutcome> {
    return this.bookingCall(`/hall/v1/yy/${encodeURIComponent(bookingNo)}/qx`, { sfzmhm: idNumber }, true);
  }

  /** Not retried: a lost answer is settled by reading the booking again. */
  reschedule(bookingNo: string, idNumber: string, day: string, slotId: string): Promise<BookingOutcome> {
    return this.bookingCall(
      `/hall/v1/yy/${encodeURIComponent(bookingNo)}/gq`,
      { sfzmhm: idNumber, rq: day, sdbh: slotId },
      false,
    );
  }

  /** A remote ticket, once per wbbh. */
  async takeTicket(
    hallId: string,
    request: { wbbh: string; ywdm: string; sfzmhm: string; sjhm: string; lstd: '0' | '1' },
  ): Promise<{ ok: true; ticket: TicketRecord } | BookingRefusal> {
    const answer = await this.post(`/hall/v1/dt/${encodeURIComponent(hallId)}/qh`, request, TicketResponseSchema, {
      safe: true,
    });
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, ticket: answer.data };
    return this.refused(answer, BOOKING_REFUSALS);
  }

  async ticket(hallId: string, number: string, idNumber: string): Promise<TicketRecord | null> {
    const answer = await this.get(
      `/hall/v1/qh/${encodeURIComponent(number)}`,
      { dtbh: hallId, sfzmhm: idNumber },
      TicketResponseSchema,
    );
    if (answer.code === HALL_CODES.NO_TICKET) return null;
    return this.data(answer, 'qh');
  }

  /** Every station and terminal (read page by page). */
  async stations(): Promise<StationRecord[]> {
    const all: StationRecord[] = [];
    for (let pageNo = 1; pageNo <= MAX_STATION_PAGES; pageNo += 1) {
      const page = this.data(
        await this.get(
          '/hall/v1/zzd',
          { pageNo: String(pageNo), pageSize: String(STATION_PAGE_SIZE) },
          StationPageResponseSchema,
        ),
        'zzd',
      );
      all.push(...page.list);
      if (page.list.length < STATION_PAGE_SIZE || all.length >= page.total) break;
    }
    return all;
  }

  private async bookingCall(path: string, body: unknown, safe: boolean): Promise<BookingOutcome> {
    const answer = await this.post(path, body, BookingAnswerSchema, { safe });
    if (answer.code === LEGACY_OK) {
      const booking = BookingRecordSchema.safeParse(answer.data);
      if (booking.success) return { ok: true, booking: booking.data };
      throw this.failure(`hall booking answer malformed: ${booking.error.message}`);
    }
    const refusal = this.refused(answer, BOOKING_REFUSALS);
    const blocked = BlockedDataSchema.safeParse(answer.data);
    return blocked.success ? { ...refusal, until: blocked.data.jzrq } : refusal;
  }
}
