import { AppError } from '../../libraries/errors';
import type { HallRefusal } from '../../upstreams/hall/hall.types';

/** The queuing system's rule: this many no-shows (爽约) within the window block new bookings for a while. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 90;

/** What the queuing system's refusals mean to the citizen, as the API's errors. */
export function hallRefusal(refusal: HallRefusal): AppError {
  switch (refusal.reason) {
    case 'full':
      return new AppError({ code: 'SLOT_FULL' });
    case 'duplicate':
      return new AppError({ code: 'APPOINTMENT_DUPLICATE' });
    case 'blocked':
      return new AppError({
        code: 'APPOINTMENT_BLOCKED',
        ...(refusal.until
          ? {
              message: `近 ${NO_SHOW_WINDOW_DAYS} 天内预约后未到（爽约）已满 ${NO_SHOW_LIMIT} 次，${refusal.until} 起才能再次预约`,
            }
          : {}),
      });
    case 'no-slot':
      return new AppError({ code: 'SLOT_UNAVAILABLE' });
    case 'out-of-range':
      return new AppError({
        code: 'VALIDATION_FAILED',
        fields: [{ path: 'date', message: '只能预约今天起 7 天内的开放日' }],
      });
    case 'not-handled':
      return new AppError({ code: 'VALIDATION_FAILED', fields: [{ path: 'business', message: '该大厅不办理此业务' }] });
    case 'no-hall':
      return new AppError({ code: 'HALL_NOT_FOUND' });
    case 'no-booking':
      return new AppError({ code: 'APPOINTMENT_NOT_FOUND' });
    case 'cannot-cancel':
      return new AppError({ code: 'APPOINTMENT_STATE_CONFLICT' });
    case 'ticket-closed':
      return new AppError({ code: 'TICKET_CLOSED' });
    case 'no-ticket':
      return new AppError({ code: 'TICKET_NOT_FOUND' });
  }
}
