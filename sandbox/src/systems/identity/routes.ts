import Router from '@koa/router';
import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, nonEmptyString } from '../../core/input';
import { sameSecret } from '../../core/secrets';
import { toCompactDate } from '../../legacy/dates';
import { legacyFail, legacyOk, replyLegacy } from '../../legacy/envelope';
import type { SeedCitizen } from '../../seed/citizens';
import type { PopulationRegister } from '../../seed/population';
import { registeredPhone } from './contact';
import { IDENTITY_ERRORS } from './errors';
import type { LicenceStore } from './licences';
import type { ResidenceBook } from './residence-book';

export interface IdentityDeps {
  appKey: string;
  clock: SandboxClock;
  register: PopulationRegister;
  licences: LicenceStore;
  residence: ResidenceBook;
  citizens: readonly SeedCitizen[];
  seed: number;
}

/**
 * POST /identity/v1/verify {xm, sfzmhm}  -> {hyjg: "1", xb, csrq, hjdqh} or 3001/3002/3003/3004
 * GET  /identity/v1/contact?sfzmhm=       -> {sfzmhm, sjhm}: the mobile the register holds; 3002 unknown, 3004 注销
 * GET  /identity/v1/residence?sfzmhm=     -> {hjdqh, djxx: [{djbh, jzdz, jzdzqh, djrq, zt 1有效|0注销}],
 *      jzz: null | {jzzh, qfjg, qfrq, yxqz, zt 1有效|2过期|3中止|4作废, qzjl: [{qzrq, zn}]}} (dates yyyyMMdd;
 *      the permit's status computed on read from the sandbox clock with the shared rules); 3002 unknown
 * GET  /elicence/v1/licences?sfzmhm=      -> {list: [licence]} ([] for someone not on file); CSZM and HKB carry
 *      zzxx (照面信息): CSZM {xsexm, mqxm, mqsfzh, fqxm, fqsfzh}, HKB {hh, hzxm, yhzgx}
 * All need X-App-Key (the data-exchange platform's key): else HTTP 401 with 1001.
 */
export function identityRoutes(deps: IdentityDeps): Router {
  const router = new Router();
  const authorised = (ctx: Context): boolean => {
    if (sameSecret(ctx.get('X-App-Key') || undefined, deps.appKey)) return true;
    replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.AUTH_FAILED), 401);
    return false;
  };

  router.post('/identity/v1/verify', (ctx) => {
    if (!authorised(ctx)) return;
    const { xm, sfzmhm } = bodyRecord(ctx.request.body);
    const name = typeof xm === 'string' ? xm.trim() : '';
    const number = typeof sfzmhm === 'string' ? sfzmhm.trim() : '';
    if (name === '' || number === '') return replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.BAD_PARAMS));
    const check = deps.register.check(name, number);
    switch (check.outcome) {
      case 'bad-number':
        return replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.BAD_NUMBER));
      case 'not-found':
        return replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.NOT_FOUND));
      case 'mismatch':
        return replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.MISMATCH));
      case 'cancelled':
        return replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.CANCELLED));
      case 'match': {
        const { person } = check;
        return replyLegacy(
          ctx,
          legacyOk({
            hyjg: '1',
            xb: person.gender === 'male' ? '1' : '2',
            csrq: person.birthDate,
            hjdqh: person.regionCode,
          }),
        );
      }
    }
  });

  /** The person a query's sfzmhm names, or undefined after answering 1002/3002/3004. */
  const queried = (ctx: Context) => {
    const sfzmhm = nonEmptyString(ctx.query.sfzmhm)?.trim();
    if (!sfzmhm) return void replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.BAD_PARAMS));
    const person = deps.register.find(sfzmhm);
    if (!person) return void replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.NOT_FOUND));
    if (person.status === 'cancelled') return void replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.CANCELLED));
    return person;
  };

  router.get('/identity/v1/contact', (ctx) => {
    if (!authorised(ctx)) return;
    const person = queried(ctx);
    if (!person) return;
    replyLegacy(ctx, legacyOk({ sfzmhm: person.idNumber, sjhm: registeredPhone(person, deps.citizens, deps.seed) }));
  });

  router.get('/identity/v1/residence', (ctx) => {
    if (!authorised(ctx)) return;
    const person = queried(ctx);
    if (!person) return;
    replyLegacy(ctx, legacyOk(deps.residence.answer(person.idNumber, toCompactDate(deps.clock.now()))));
  });

  router.get('/elicence/v1/licences', (ctx) => {
    if (!authorised(ctx)) return;
    const sfzmhm = nonEmptyString(ctx.query.sfzmhm)?.trim();
    if (!sfzmhm) return replyLegacy(ctx, legacyFail(IDENTITY_ERRORS.BAD_PARAMS));
    replyLegacy(ctx, legacyOk({ list: deps.licences.list(sfzmhm, toCompactDate(deps.clock.now())) }));
  });

  return router;
}
