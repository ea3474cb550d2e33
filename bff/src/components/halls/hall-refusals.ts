import { AppError } from '../../libraries/errors';
import type { BookingRefusal } from '../../upstreams/hall/hall.client';
import { HALL_CODES } from '../../upstreams/hall/hall.dialect';

const isoDay = (compact: string) =>
  /^\d{8}$/.test(compact) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : compact;

/** The queuing system's rule: this many no-shows (爽约) within the window block new bookings for a while. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 90;

/** What the queuing system's refusals mean to the citizen, as the API's errors. */
export function hallRefusal(refusal: BookingRefusal): AppError {
  switch (refusal.code) {
    case HALL_CODES.FULL:
      return new AppError({ code: 'SLOT_FULL' });
    case HALL_CODES.DUPLICATE:
      return new AppError({ code: 'APPOINTMENT_DUPLICATE' });
    case HALL_CODES.BLOCKED:
      return new AppError({
        code: 'APPOINTMENT_BLOCKED',
        ...(refusal.until
          ? {
              message: `近 ${NO_SHOW_WINDOW_DAYS} 天内预约后未到（爽约）已满 ${NO_SHOW_LIMIT} 次，${isoDay(refusal.until)} 起才能再次预约`,
            }
          : {}),
      });
    case HALL_CODES.NO_SLOT:
      return new AppError({ code: 'SLOT_UNAVAILABLE' });
    case HALL_CODES.OUT_OF_RANGE:
      return new AppError({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'date', message: '只能预约今天起 7 天内的开放日' }],
      });
    case HALL_CODES.NOT_HANDLED:
      return new AppError({ code: 'VALIDATION_FAILED', fields: [{ path: 'business', message: '该大厅不办理此业务' }] });
    case HALL_CODES.NO_HALL:
      return new AppError({ code: 'HALL_NOT_FOUND' });
    case HALL_CODES.NO_BOOKING:
      return new AppError({ code: 'APPOINTMENT_NOT_FOUND' });
    case HALL_CODES.CANNOT_CANCEL:
      return new AppError({ code: 'APPOINTMENT_STATE_CONFLICT' });
    case HALL_CODES.TICKET_CLOSED:
      return new AppError({ code: 'TICKET_CLOSED' });
    case HALL_CODES.NO_TICKET:
      return new AppError({ code: 'TICKET_NOT_FOUND' });
    default:
      return new AppError({ code: 'SLOT_UNAVAILABLE', ...(refusal.message ? { message: refusal.message } : {}) });
  }
}
