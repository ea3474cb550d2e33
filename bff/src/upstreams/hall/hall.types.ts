import type { Appointment, Station, Ticket } from '@suijing/shared';

/**
 * The halls' queuing system in our words: what the hall adapter takes and
 * returns. Days are yyyy-MM-dd and times HH:mm, Beijing wall clock.
 */

/** A weekly period a hall is open; `extended` for the "5+X" hours (evenings, weekends). */
export interface OpeningPeriod {
  /** 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  from: string;
  to: string;
  extended: boolean;
}

export interface Hall {
  id: string;
  name: string;
  district: string;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  hours: OpeningPeriod[];
  /** The codes of the businesses handled there. */
  businesses: string[];
}

/** One business's queue at a hall now. */
export interface Queue {
  business: string;
  waiting: number;
  /** Minutes a person takes at a window, on average. */
  averageMinutes: number;
  /** Windows open for it. */
  windows: number;
}

export interface QueueSnapshot {
  /** yyyy-MM-ddTHH:mm:ss+08:00, as the system stamped it. */
  updatedAt: string;
  queues: Queue[];
}

/** Self-service stations and terminals, one entry per place (not per machine), before any distance. */
export type SelfServicePlace = Omit<Station, 'distanceKm'>;

export interface BookingPerson {
  name: string;
  idNumber: string;
}

/** A booking as the queuing system holds it. */
export interface Booking {
  id: string;
  hallId: string;
  business: string;
  date: string;
  slotId: string;
  from: string;
  to: string;
  status: Appointment['status'];
  /** Who the place is for (absent when the system does not say). */
  person?: BookingPerson;
  greenChannel: boolean;
  createdAt?: Date;
  /** When the booked slot starts and ends; absent for a date the system wrote wrong. */
  startsAt?: Date;
  endsAt?: Date;
}

export interface BookingRequest {
  /** Our number for the request: the system books once per number. */
  requestNo: string;
  hallId: string;
  business: string;
  date: string;
  slotId: string;
  person: BookingPerson & { phone: string };
  /** Who booked for the person, when it was someone else. */
  agent?: BookingPerson;
  greenChannel: boolean;
}

export interface Bookings {
  list: Booking[];
  /** No-shows (爽约) in the system's window. */
  noShows: number;
  /** yyyy-MM-dd: no new bookings until then. */
  blockedUntil?: string;
}

export interface QueueTicket {
  number: string;
  status: Ticket['status'];
  ahead: number;
  estimatedWaitMinutes: number;
  window?: string;
  takenAt?: Date;
  business?: string;
  greenChannel: boolean;
}

export interface TicketRequest {
  /** Our number for the request: the system issues one ticket per number. */
  requestNo: string;
  business: string;
  idNumber: string;
  phone: string;
  greenChannel: boolean;
}

/** Why the queuing system refused a booking, a move, a cancellation or a ticket. */
export type HallRefusalReason =
  | 'full'
  | 'duplicate'
  | 'blocked'
  | 'no-slot'
  | 'out-of-range'
  | 'not-handled'
  | 'no-hall'
  | 'no-booking'
  | 'cannot-cancel'
  | 'ticket-closed'
  | 'no-ticket';

export interface HallRefusal {
  ok: false;
  reason: HallRefusalReason;
  /** For a no-show block: yyyy-MM-dd, the day bookings open again. */
  until?: string;
}
