import type { SystemFactory } from '../../core/system';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { bookingRoutes } from './booking.routes';
import { hallControlRoutes } from './control.routes';
import { hallGateway } from './gateway';
import { createHallState } from './hall-state';
import { hallRoutes } from './routes';

/**
 * The halls' booking and queuing system (办事大厅: 预约, 排队叫号, 自助服务)
 * behind the data-exchange platform: legacy envelope, X-App-Key, Beijing
 * time read from the sandbox clock (queues and tickets move when tests
 * advance it). Fast: no base latency, unlike traffic.
 */
export const createHallSystem: SystemFactory = (kit) => {
  const state = createHallState(kit.options.seed, (stream) => kit.random(stream));
  const gateway = hallGateway(kit.options.gov.appKey);
  const publicRoutes = hallRoutes({ gateway, state, clock: kit.clock });
  publicRoutes.use(bookingRoutes({ gateway, state, clock: kit.clock }).routes());
  return {
    name: 'hall',
    prefixes: ['/hall'],
    routes: publicRoutes,
    controlRoutes: hallControlRoutes({ state, clock: kit.clock }),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => {
      state.book.reset();
      state.desk.reset();
    },
  };
};
