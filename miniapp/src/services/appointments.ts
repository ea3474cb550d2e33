import type {
  Appointment,
  AppointmentList,
  AppointmentRequest,
  RescheduleRequest,
  Ticket,
  TicketRequest,
} from '@suijing/shared';
import { apiRequest } from './api-client';

/**
 * 预约 and 远程取号: personal, so every call carries the token, and the BFF
 * answers 403 REAL_NAME_REQUIRED until the person is verified (a booking is
 * checked against the ID at the hall). The halls themselves: services/halls.ts.
 */

const appointmentPath = (id: string): string => `/api/v1/appointments/${encodeURIComponent(id)}`;

/**
 * Books a slot. The same `idempotencyKey` for retries of one attempt: the
 * BFF answers a repeat with the booking it already made, never a second one.
 */
export function createAppointment(request: AppointmentRequest, idempotencyKey: string): Promise<Appointment> {
  return apiRequest<Appointment>({
    method: 'POST',
    path: '/api/v1/appointments',
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** My bookings, with this month's cancellations against the limit. */
export function listAppointments(): Promise<AppointmentList> {
  return apiRequest<AppointmentList>({ path: '/api/v1/appointments' });
}

export function fetchAppointment(id: string): Promise<Appointment> {
  return apiRequest<Appointment>({ path: appointmentPath(id) });
}

/** Cancelling twice is harmless (the BFF answers the cancelled booking), so no key is needed. */
export function cancelAppointment(id: string): Promise<Appointment> {
  return apiRequest<Appointment>({ method: 'POST', path: `${appointmentPath(id)}/cancel` });
}

/** Another day or slot of the same hall and business. */
export function rescheduleAppointment(id: string, request: RescheduleRequest): Promise<Appointment> {
  return apiRequest<Appointment>({ method: 'POST', path: `${appointmentPath(id)}/reschedule`, data: { ...request } });
}

/** 远程取号 at a hall; idempotent like createAppointment (a retry never takes a second number). */
export function takeTicket(hallId: string, request: TicketRequest, idempotencyKey: string): Promise<Ticket> {
  return apiRequest<Ticket>({
    method: 'POST',
    path: `/api/v1/halls/${encodeURIComponent(hallId)}/tickets`,
    data: { ...request },
    header: { 'Idempotency-Key': idempotencyKey },
  });
}

/** The ticket's live position; polled while waiting. */
export function fetchTicket(id: string): Promise<Ticket> {
  return apiRequest<Ticket>({ path: `/api/v1/tickets/${encodeURIComponent(id)}` });
}
