import type { SystemFactory } from '../../core/system';
import { toCompactDate } from '../../legacy/dates';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { populationRegister } from '../../seed/population';
import { identityControlRoutes } from './control.routes';
import { LicenceStore } from './licences';
import { identityRoutes } from './routes';

/**
 * The population register's verification interface (实名认证, /identity) and
 * the e-licence store (电子证照库, /elicence), behind the city's data-exchange
 * platform: legacy envelope, X-App-Key. The register is shared with the
 * WeChat system's face check (seed/population.ts).
 */
export const createIdentitySystem: SystemFactory = (kit) => {
  const register = populationRegister(kit.citizens, kit.options.seed);
  const licences = new LicenceStore(register, kit.options.seed, toCompactDate(kit.clock.now()));
  return {
    name: 'identity',
    prefixes: ['/identity', '/elicence'],
    routes: identityRoutes({ appKey: kit.options.gov.appKey, clock: kit.clock, register, licences }),
    controlRoutes: identityControlRoutes({ clock: kit.clock, register, licences }),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => licences.reset(),
  };
};
