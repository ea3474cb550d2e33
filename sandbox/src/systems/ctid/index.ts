import Router from '@koa/router';
import { PersonOutcomes } from '../../core/in-person-outcomes';
import type { SystemFactory } from '../../core/system';
import { populationRegister } from '../../seed/population';
import { applyForAuth, authResult, type CtidDeps } from './api.routes';
import { showAuthPage, submitAuthPage } from './auth-page';
import { ctidControlRoutes } from './control.routes';
import { errorPackage, sealEnvelope } from './envelope';
import { CTID_ERRORS } from './errors';
import { CtidRequests } from './requests';

/**
 * The trusted identity platform (互联网可信身份认证平台, 网证/CTID) as a relying
 * party sees it: an authorisation request for 人像 + 身份信息 (mode 0x42), a
 * jump URL / QR the person opens in the 国家网络身份认证 App (here: a page the
 * sandbox serves), and a signed result query. Dialect: README and
 * bff/src/upstreams/ctid/ctid.dialect.ts.
 */
export const createCtidSystem: SystemFactory = (kit) => {
  const requests = new CtidRequests(kit.clock);
  const outcomes = new PersonOutcomes();
  const register = populationRegister(kit.citizens, kit.options.seed);
  const deps: CtidDeps = { app: kit.options.ctid, clock: kit.clock, requests, register };
  const page = { ...deps, outcomes };
  const show = showAuthPage(page);
  const submit = submitAuthPage(page);

  const routes = new Router();
  routes.post('/ctid/v1/auth/apply', applyForAuth(deps));
  routes.post('/ctid/v1/auth/result', authResult(deps));
  routes.get('/ctid/h5/authorize/:token', (ctx) => show(ctx, ctx.params.token ?? ''));
  routes.post('/ctid/h5/authorize/:token', (ctx) => submit(ctx, ctx.params.token ?? ''));

  const unsigned = (error: (typeof CTID_ERRORS)[keyof typeof CTID_ERRORS]) =>
    sealEnvelope(errorPackage(error), kit.clock.nowMs(), undefined);
  return {
    name: 'ctid',
    prefixes: ['/ctid'],
    routes,
    controlRoutes: ctidControlRoutes({ requests, outcomes, register }),
    failure: () => ({ status: 500, body: unsigned(CTID_ERRORS.BUSY) }),
    badRequest: () => ({ status: 200, body: unsigned(CTID_ERRORS.BAD_PARAMS) }),
    reset: () => {
      requests.clear();
      outcomes.clear();
    },
  };
};
