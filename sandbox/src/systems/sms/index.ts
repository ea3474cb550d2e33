import Router from '@koa/router';
import type { SystemFactory } from '../../core/system';
import { RateWindow } from '../../core/rate-window';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { smsControlRoutes } from './control.routes';
import { Outbox } from './outbox';
import { sendSms } from './send';

/** The gateway's own flow control: at most 5 messages per mobile per minute. */
export const SMS_LIMIT_PER_MINUTE = 5;

/** The government SMS gateway the BFF sends verification codes and notices through. */
export const createSmsSystem: SystemFactory = (kit) => {
  const outbox = new Outbox();
  const perMobile = new RateWindow(kit.clock, SMS_LIMIT_PER_MINUTE, 60_000);
  let sequence = 0;

  const routes = new Router();
  routes.post(
    '/sms/v1/send',
    sendSms({
      apiKey: kit.options.sms.apiKey,
      clock: kit.clock,
      outbox,
      perMobile,
      nextSequence: () => (sequence += 1),
    }),
  );

  return {
    name: 'sms',
    prefixes: ['/sms'],
    routes,
    controlRoutes: smsControlRoutes(outbox),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => {
      outbox.clear();
      perMobile.clear();
      sequence = 0;
    },
  };
};
