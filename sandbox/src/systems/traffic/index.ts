import type { SystemFactory } from '../../core/system';
import { toCompactDate } from '../../legacy/dates';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { populationRegister } from '../../seed/population';
import { applyApprovalEffects } from './approval-effects';
import { trafficControlRoutes } from './control.routes';
import { TrafficPace } from './latency';
import { markFinesPaid } from './handling.routes';
import { trafficRoutes } from './routes';
import { trafficTables } from './tables';
import { TrafficBook } from './traffic-book';

/**
 * The 车驾管 system (driving licences, vehicles, violations, the prechecks
 * of 自愿降级 and 解除抵押) behind the data-exchange platform: legacy
 * envelope, X-App-Key, padded CHAR columns, a few hundred milliseconds per
 * answer. Its drivers are the e-licence store's JSZ holders; approval
 * decisions on its items change its records (approval-effects.ts).
 */
export const createTrafficSystem: SystemFactory = (kit) => {
  const book = new TrafficBook({
    register: populationRegister(kit.citizens, kit.options.seed),
    seed: kit.options.seed,
    asOf: toCompactDate(kit.clock.now()),
    tables: trafficTables(),
    random: (stream) => kit.random(stream),
  });
  const pace = new TrafficPace(kit.options.traffic.latencyMs, () => kit.random('traffic:latency'));
  let controlRandom = kit.random('traffic:control');
  applyApprovalEffects(kit.events, book);
  markFinesPaid(kit.events, book);
  return {
    name: 'traffic',
    prefixes: ['/traffic'],
    routes: trafficRoutes({ appKey: kit.options.gov.appKey, book, pace, clock: kit.clock, events: kit.events }),
    controlRoutes: trafficControlRoutes({ book, pace, clock: kit.clock, random: () => controlRandom }),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => {
      book.reset();
      pace.reset();
      controlRandom = kit.random('traffic:control');
    },
  };
};
