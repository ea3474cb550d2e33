import { compactFromIsoDay, isoDayFromCompact, type Business, type Slot } from '@suijing/shared';
import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings, type LegacyAnswer } from '../gov-system-client';
import { LegacyAnswerSchema } from '../legacy-envelope';
import {
  BlockedDataSchema,
  BookingListResponseSchema,
  BookingRecordSchema,
  BusinessListResponseSchema,
  HALL_CODES,
  HallListResponseSchema,
  QueueResponseSchema,
  SlotListResponseSchema,
  StationPageResponseSchema,
  TicketResponseSchema,
  type StationRecord,
} from './hall.dialect';
import {
  HALL_REFUSALS,
  isoStamp,
  toBooking,
  toBookingSubmission,
  toBusiness,
  toHall,
  toQueue,
  toQueueTicket,
  toRescheduleSubmission,
  toSelfServicePlaces,
  toSlot,
  toTicketSubmission,
} from './hall.mapping';
import type {
  Booking,
  BookingRequest,
  Bookings,
  Hall,
  HallRefusal,
  QueueSnapshot,
  QueueTicket,
  SelfServicePlace,
  TicketRequest,
} from './hall.types';

export type BookingOutcome = { ok: true; booking: Booking } | HallRefusal;

const STATION_PAGE_SIZE = 100;
/** The city has about a thousand stations and terminals; more pages than this is a broken answer. */
const MAX_STATION_PAGES = 20;

/** The halls' booking and queuing system (预约叫号平台), answering in our words. */
export class HallClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'hall', label: '预约叫号系统' });
  }

  async businesses(): Promise<Business[]> {
    return this.data(await this.get('/hall/v1/yw', {}, BusinessListResponseSchema), 'yw').list.map(toBusiness);
  }

  async halls(): Promise<Hall[]> {
    return this.data(await this.get('/hall/v1/dt', {}, HallListResponseSchema), 'dt').list.map(toHall);
  }

  async queue(hallId: string): Promise<QueueSnapshot> {
    const page = this.data(
      await this.get(`/hall/v1/dt/${encodeURIComponent(hallId)}/pd`, {}, QueueResponseSchema),
      'pd',
    );
    return { updatedAt: isoStamp(page.gxsj), queues: page.list.map(toQueue) };
  }

  /** A day's slots (yyyy-MM-dd), or the refusal (unknown hall, business not handled there, day out of range). */
  async slots(hallId: string, business: string, date: string): Promise<Slot[] | HallRefusal> {
    const answer = await this.get(
      `/hall/v1/dt/${encodeURIComponent(hallId)}/hy`,
      { ywdm: business, rq: compactFromIsoDay(date) },
      SlotListResponseSchema,
    );
    if (answer.code === LEGACY_OK && answer.data) return answer.data.list.map(toSlot);
    return this.hallRefusal(answer);
  }

  /** Books once per request number: a repeat answers the same booking. */
  book(request: BookingRequest): Promise<BookingOutcome> {
    return this.bookingCall('/hall/v1/yy', toBookingSubmission(request), true);
  }

  /** The person's bookings, with their no-shows (爽约) in the last 90 days and any block they caused. */
  async bookings(idNumber: string): Promise<Bookings> {
    const page = this.data(await this.get('/hall/v1/yy', { sfzmhm: idNumber }, BookingListResponseSchema), 'yy');
    return {
      list: page.list.map(toBooking),
      noShows: page.sycs,
      ...(page.jzrq ? { blockedUntil: isoDayFromCompact(page.jzrq) } : {}),
    };
  }

  /** Cancelling twice ends the same way, so a retry is harmless. */
  cancel(bookingId: string, idNumber: string): Promise<BookingOutcome> {
    return this.bookingCall(`/hall/v1/yy/${encodeURIComponent(bookingId)}/qx`, { sfzmhm: idNumber }, true);
  }

  /** Not retried: a lost answer is settled by reading the booking again. */
  reschedule(bookingId: string, idNumber: string, date: string, slotId: string): Promise<BookingOutcome> {
    return this.bookingCall(
      `/hall/v1/yy/${encodeURIComponent(bookingId)}/gq`,
      toRescheduleSubmission(idNumber, date, slotId),
      false,
    );
  }

  /** A remote ticket, once per request number. */
  async takeTicket(hallId: string, request: TicketRequest): Promise<{ ok: true; ticket: QueueTicket } | HallRefusal> {
    const answer = await this.post(
      `/hall/v1/dt/${encodeURIComponent(hallId)}/qh`,
      toTicketSubmission(request),
      TicketResponseSchema,
      { safe: true },
    );
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, ticket: toQueueTicket(answer.data) };
    return this.hallRefusal(answer);
  }

  async ticket(hallId: string, number: string, idNumber: string): Promise<QueueTicket | null> {
    const answer = await this.get(
      `/hall/v1/qh/${encodeURIComponent(number)}`,
      { dtbh: hallId, sfzmhm: idNumber },
      TicketResponseSchema,
    );
    if (answer.code === HALL_CODES.NO_TICKET) return null;
    return toQueueTicket(this.data(answer, 'qh'));
  }

  /** Every self-service place (the machines read page by page, then grouped by place). */
  async stations(): Promise<SelfServicePlace[]> {
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
    return toSelfServicePlaces(all);
  }

  private async bookingCall(path: string, body: unknown, safe: boolean): Promise<BookingOutcome> {
    const answer = await this.post(path, body, LegacyAnswerSchema, { safe });
    if (answer.code === LEGACY_OK) {
      const booking = BookingRecordSchema.safeParse(answer.data);
      if (booking.success) return { ok: true, booking: toBooking(booking.data) };
      throw this.failure(`hall booking answer malformed: ${booking.error.message}`);
    }
    const refusal = this.hallRefusal(answer);
    const blocked = BlockedDataSchema.safeParse(answer.data);
    return blocked.success ? { ...refusal, until: isoDayFromCompact(blocked.data.jzrq) } : refusal;
  }

  /** A refusal in our words; a code no caller expects is a failure of the system. */
  private hallRefusal(answer: LegacyAnswer<unknown>): HallRefusal {
    return { ok: false, reason: this.refusedFor(answer, HALL_REFUSALS) };
  }
}
