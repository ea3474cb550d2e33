import type { Appointment, AppointmentRequest, Ticket, TicketRequest } from '@suijing/shared';
import { createAppointment, takeTicket } from '@/services/appointments';
import { ApiError } from '@/services/api-error';
import { describeSubmitFailure, submitOnce, type SubmitFailure } from '@/utils/submit-attempt';
import { rememberTicket } from '../state/last-ticket';

/** 预约, with the attempt's Idempotency-Key (reused on every retry of the same request). */
export function bookAppointment(request: AppointmentRequest, retryDelayMs = 1000): Promise<Appointment> {
  return submitOnce('appointment', request, (key) => createAppointment(request, key), retryDelayMs);
}

/** 远程取号; the hall is part of what makes the attempt the same. */
export function takeHallTicket(hallId: string, request: TicketRequest, retryDelayMs = 1000): Promise<Ticket> {
  return submitOnce('ticket', { hallId, request }, (key) => takeTicket(hallId, request, key), retryDelayMs).then(
    (ticket) => {
      rememberTicket(ticket);
      return ticket;
    },
  );
}

export interface HallSubmitFailure extends SubmitFailure {
  /** The chosen slot is gone: show the message and load the slots again. */
  slotGone: boolean;
}

/**
 * What a failed booking, reschedule or ticket means for the page. SLOT_FULL,
 * APPOINTMENT_DUPLICATE, TICKET_CLOSED… are answers with their own message;
 * a network or server failure may be retried with the same key, so say so.
 */
export function describeHallError(error: unknown): HallSubmitFailure {
  if (error instanceof ApiError && (error.code === 'SLOT_FULL' || error.code === 'SLOT_UNAVAILABLE')) {
    return { stepUp: null, slotGone: true, fields: {}, message: error.message };
  }
  return { ...describeSubmitFailure(error, '可再次提交，不会重复办理'), slotGone: false };
}
