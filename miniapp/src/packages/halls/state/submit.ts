import type { Appointment, AppointmentRequest, Ticket, TicketRequest } from '@suijing/shared';
import { createAppointment, takeTicket } from '@/services/appointments';
import { ApiError, messageOf } from '@/services/api-error';
import { stepUpOf, type StepUp } from '@/utils/assurance';
import { storedAttempt, submitWithAttempt } from '@/utils/submit-attempt';
import { readString, writeString } from '@/utils/storage';
import { beijingToday } from './format';

/** One stored attempt per kind, so a booking and a ticket never share a key. */
const appointmentAttempt = storedAttempt('suijing.appointmentAttempt');
const ticketAttempt = storedAttempt('suijing.ticketAttempt');

/** 预约, with the attempt's Idempotency-Key (reused on every retry of the same request). */
export function bookAppointment(request: AppointmentRequest, retryDelayMs = 1000): Promise<Appointment> {
  return submitWithAttempt(appointmentAttempt, request, (key) => createAppointment(request, key), retryDelayMs);
}

/** 远程取号; the hall is part of what makes the attempt the same. */
export function takeHallTicket(hallId: string, request: TicketRequest, retryDelayMs = 1000): Promise<Ticket> {
  return submitWithAttempt(
    ticketAttempt,
    { hallId, request },
    (key) => takeTicket(hallId, request, key),
    retryDelayMs,
  ).then((ticket) => {
    rememberTicket(ticket);
    return ticket;
  });
}

/**
 * The last ticket taken, so 办事大厅 can offer 我的排队号 again (there is no
 * list of tickets): only today's, as a number is good for one day.
 */
const LAST_TICKET_KEY = 'suijing.lastTicket';

export function rememberTicket(ticket: Pick<Ticket, 'id' | 'number' | 'takenAt'>): void {
  writeString(
    LAST_TICKET_KEY,
    JSON.stringify({ id: ticket.id, number: ticket.number, day: beijingToday(Date.parse(ticket.takenAt)) }),
  );
}

export function lastTicket(today: string): { id: string; number: string } | null {
  const raw = readString(LAST_TICKET_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as { id?: unknown; number?: unknown; day?: unknown };
    if (typeof parsed.id !== 'string' || typeof parsed.number !== 'string' || parsed.day !== today) return null;
    return { id: parsed.id, number: parsed.number };
  } catch {
    return null;
  }
}

export interface HallSubmitFailure {
  /** The BFF wants a step first (实名, or 本人认证): go there rather than show an error. */
  stepUp: StepUp | null;
  /** The chosen slot is gone: show the message and load the slots again. */
  slotGone: boolean;
  /** Field messages the BFF found, by field path (`phone`, `for.idNumber`). */
  fields: Record<string, string>;
  message: string | null;
}

/**
 * What a failed booking, reschedule or ticket means for the page. SLOT_FULL,
 * APPOINTMENT_DUPLICATE, TICKET_CLOSED… are answers with their own message;
 * a network or server failure may be retried with the same key, so say so.
 */
export function describeHallError(error: unknown): HallSubmitFailure {
  const none = { stepUp: null, slotGone: false, fields: {} };
  const stepUp = stepUpOf(error);
  if (stepUp) return { ...none, stepUp, message: null };
  if (error instanceof ApiError && (error.code === 'SLOT_FULL' || error.code === 'SLOT_UNAVAILABLE')) {
    return { ...none, slotGone: true, message: error.message };
  }
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED' && error.fields.length > 0) {
    const fields = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
    return { ...none, fields, message: '有信息需要修改，请查看标红的项目' };
  }
  const retryable = !(error instanceof ApiError) || error.code === 'NETWORK_ERROR' || error.status >= 500;
  return { ...none, message: retryable ? `${messageOf(error)}（可再次提交，不会重复办理）` : messageOf(error) };
}
