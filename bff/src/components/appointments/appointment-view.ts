import { maskIdNumber, maskName, type Appointment, type Business } from '@suijing/shared';
import type { Booking, Hall } from '../../upstreams/hall/hall.types';

/** A booking as the mini-program shows it to the applicant or the one who booked for them. */

const STATUS_TEXT: Record<Appointment['status'], string> = {
  booked: '已预约',
  cancelled: '已取消',
  'checked-in': '已签到',
  missed: '已爽约',
};

export interface ViewContext {
  /** The verified ID number of the user looking at it. */
  me: string;
  hall: Hall | undefined;
  business: Business | undefined;
  now: Date;
  /** The sign-in QR payload, only for a booking still to come. */
  qr?: { payload: string; expiresAt: string };
}

export function toAppointment(booking: Booking, context: ViewContext): Appointment {
  const start = booking.startsAt;
  const upcoming = booking.status === 'booked' && start !== undefined && start.getTime() > context.now.getTime();
  const subject = booking.person;
  const mine = subject?.idNumber === context.me;
  return {
    id: booking.id,
    status: booking.status,
    statusText: STATUS_TEXT[booking.status],
    hall: {
      id: booking.hallId,
      name: context.hall?.name ?? booking.hallId,
      address: context.hall?.address ?? '',
      phone: context.hall?.phone ?? '',
    },
    business: context.business ?? { code: booking.business, name: booking.business, policeType: '' },
    date: booking.date,
    from: booking.from,
    to: booking.to,
    personName: subject ? (mine ? subject.name : maskName(subject.name)) : '',
    personIdMasked: subject ? maskIdNumber(subject.idNumber) : '',
    forSomeoneElse: !mine,
    greenChannel: booking.greenChannel,
    createdAt: (booking.createdAt ?? context.now).toISOString(),
    canCancel: upcoming,
    canReschedule: upcoming,
    ...(upcoming && context.qr ? { qr: context.qr } : {}),
  };
}
