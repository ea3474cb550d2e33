import type { Middleware } from 'koa';
import type { AppState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import { ticketsRoutes } from './tickets.routes';
import { TicketsService, type TicketsDeps } from './tickets.service';

export interface TicketsModuleDeps extends TicketsDeps {
  routes: ApiRoutes;
  requireAuth: Middleware<AppState>;
}

/** 远程取号: a queue ticket at a hall, taken from the phone. */
export function createTicketsModule({ routes, requireAuth, ...deps }: TicketsModuleDeps): void {
  ticketsRoutes(routes, { tickets: new TicketsService(deps), requireAuth });
}
