import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { ApiRoutes } from '../../libraries/routes';
import { appointmentsRoutes } from './appointments.routes';
import { AppointmentsService, type AppointmentsDeps } from './appointments.service';

export interface AppointmentsModuleDeps extends Omit<AppointmentsDeps, 'sealer'> {
  routes: ApiRoutes;
  /** DATA_ENCRYPTION_KEY, from which the sign-in QR seal is derived. */
  dataKey: string;
  requireAuth: Middleware<AppState>;
}

/** 预约办事: booking a hall's slot, for oneself or another, and the sign-in QR. */
export function createAppointmentsModule({ routes, dataKey, requireAuth, ...deps }: AppointmentsModuleDeps): void {
  const appointments = new AppointmentsService({ ...deps, sealer: new Sealer(deriveKey(dataKey, 'appointment-qr')) });
  appointmentsRoutes(routes, { appointments, requireAuth });
}
