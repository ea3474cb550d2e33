import type { SystemFactory } from '../../core/system';
import { toCompactDate } from '../../legacy/dates';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { populationRegister } from '../../seed/population';
import { identityControlRoutes } from './control.routes';
import { LicenceStore } from './licences';
import { residenceBookFor } from './residence-book';
import { applyResidenceDecisions } from './residence-effects';
import { identityRoutes } from './routes';

/**
 * The population register's verification interface (实名认证, /identity) and
 * the e-licence store (电子证照库, /elicence), behind the city's data-exchange
 * platform: legacy envelope, X-App-Key. The register is shared with the
 * WeChat system's face check (seed/population.ts); the residence book
 * (居住登记 and 居住证) with the approval system, which checks 居住证 cases
 * against it, and which this system acts on once they are granted.
 */
export const createIdentitySystem: SystemFactory = (kit) => {
  const register = populationRegister(kit.citizens, kit.options.seed);
  const licences = new LicenceStore(register, kit.options.seed, toCompactDate(kit.clock.now()));
  const residence = residenceBookFor(kit);
  const decisions = applyResidenceDecisions({ events: kit.events, clock: kit.clock, book: residence, licences });
  return {
    name: 'identity',
    prefixes: ['/identity', '/elicence'],
    routes: identityRoutes({
      appKey: kit.options.gov.appKey,
      clock: kit.clock,
      register,
      licences,
      residence,
      citizens: kit.citizens,
      seed: kit.options.seed,
    }),
    controlRoutes: identityControlRoutes({ clock: kit.clock, register, licences, residence }),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => {
      licences.reset();
      residence.reset();
      decisions.reset();
    },
    close: decisions.stop,
  };
};
