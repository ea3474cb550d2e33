import { fromCompactDateTime, maskIdNumber, maskName, type Appointment, type Business } from '@suijing/shared';
import type { BookingRecord, HallRecord } from '../../upstreams/hall/hall.dialect';

/** The queuing system's booking as the mini-program shows it to the applicant or the one who booked for them. */

const STATUS: Record<string, readonly [Appointment['status'], string]> = {
  '1': ['booked', '已预约'],
  '2': ['cancelled', '已取消'],
  '3': ['checked-in', '已签到'],
  '4': ['missed', '已爽约'],
};

export const isoDay = (compact: string) => `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
const clock = (hhmm: string) => `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;

/** When the booked slot starts (Beijing). */
export function slotStart(booking: BookingRecord): Date | undefined {
  return fromCompactDateTime(`${booking.rq}${booking.kssj}00`);
}

export function slotEnd(booking: BookingRecord): Date | undefined {
  return fromCompactDateTime(`${booking.rq}${booking.jssj}00`);
}

export interface ViewContext {
  /** The verified ID number of the user looking at it. */
  me: string;
  hall: HallRecord | undefined;
  business: Business | undefined;
  now: Date;
  /** The sign-in QR payload, only for a booking still to come. */
  qr?: { payload: string; expiresAt: string };
}

export function toAppointment(booking: BookingRecord, context: ViewContext): Appointment {
  const [status, statusText] = STATUS[booking.zt] ?? (['booked', '已预约'] as const);
  const start = slotStart(booking);
  const upcoming = status === 'booked' && start !== undefined && start.getTime() > context.now.getTime();
  const subject = booking.sqr;
  const mine = subject?.sfzmhm === context.me;
  const created = fromCompactDateTime(booking.cjsj);
  return {
    id: booking.yybh,
    status,
    statusText,
    hall: {
      id: booking.dtbh,
      name: context.hall?.dtmc ?? booking.dtbh,
      address: context.hall?.dz ?? '',
      phone: context.hall?.lxdh ?? '',
    },
    business: context.business ?? { code: booking.ywdm, name: booking.ywdm, policeType: '' },
    date: isoDay(booking.rq),
    from: clock(booking.kssj),
    to: clock(booking.jssj),
    personName: subject ? (mine ? subject.xm : maskName(subject.xm)) : '',
    personIdMasked: subject ? maskIdNumber(subject.sfzmhm) : '',
    forSomeoneElse: !mine,
    greenChannel: booking.lstd === '1',
    createdAt: (created ?? context.now).toISOString(),
    canCancel: upcoming,
    canReschedule: upcoming,
    ...(upcoming && context.qr ? { qr: context.qr } : {}),
  };
}
