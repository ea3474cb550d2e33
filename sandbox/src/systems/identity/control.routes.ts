import { isValidCompactDate } from '@suijing/shared';
import Router from '@koa/router';
import { controlError } from '../../control/reply';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, nonEmptyString } from '../../core/input';
import { toCompactDate } from '../../legacy/dates';
import type { PersonRole, PopulationRegister } from '../../seed/population';
import { LONG_TERM, type LicenceStatus, type LicenceStore } from './licences';

const ROLES: readonly PersonRole[] = [
  'primary',
  'secondary',
  'elder',
  'young',
  'blocked',
  'resident',
  'deceased',
  'nonlocal',
  'ethnic',
  'child',
];
const STATUSES: readonly LicenceStatus[] = ['1', '2', '3'];
const MAX_LIMIT = 200;
const OPTIONAL_FIELDS = ['zzbh', 'fzjg', 'fzrq', 'yxqz', 'zt'] as const;

/**
 * Sandbox-only, mounted under /sandbox/identity:
 * GET  /people?role=&licence=&limit=&offset=  -> {total, people: [{role, name, idNumber, gender, birthDate,
 *      regionCode, regionName, status, licences: [zzlxdm]}]}: who to verify (limit ≤ 200, default 20)
 * POST /licences {sfzmhm, zzlxdm, zzmc, zzbh?, fzjg?, fzrq?, yxqz?, zt?} -> 201 {licence}: files a licence
 *      (replacing the person's licence of that type); zt is computed from yxqz unless given
 */
export function identityControlRoutes(deps: {
  clock: SandboxClock;
  register: PopulationRegister;
  licences: LicenceStore;
}): Router {
  const router = new Router();
  const today = (): string => toCompactDate(deps.clock.now());

  router.get('/people', (ctx) => {
    const role = nonEmptyString(ctx.query.role);
    if (role !== undefined && !ROLES.some((known) => known === role)) {
      return controlError(ctx, 400, 'BAD_REQUEST', `role must be one of ${ROLES.join(', ')}`);
    }
    const limit = intParam(ctx.query.limit, 20);
    const offset = intParam(ctx.query.offset, 0);
    if (limit === undefined || limit < 1 || limit > MAX_LIMIT || offset === undefined || offset < 0) {
      return controlError(ctx, 400, 'BAD_REQUEST', `limit must be 1-${MAX_LIMIT} and offset ≥ 0`);
    }
    const licence = nonEmptyString(ctx.query.licence);
    const day = today();
    const people = deps.register.people
      .filter((person) => role === undefined || person.role === role)
      .map((person) => ({ ...person, licences: deps.licences.typesOf(person, day) }))
      .filter((person) => licence === undefined || person.licences.includes(licence));
    ctx.body = { total: people.length, people: people.slice(offset, offset + limit) };
  });

  router.post('/licences', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const sfzmhm = nonEmptyString(body.sfzmhm);
    const person = sfzmhm === undefined ? undefined : deps.register.find(sfzmhm);
    if (!person) return controlError(ctx, 404, 'NOT_FOUND', 'sfzmhm must be a person in the register');
    const zzlxdm = nonEmptyString(body.zzlxdm);
    const zzmc = nonEmptyString(body.zzmc);
    if (zzlxdm === undefined || !/^[A-Z][A-Z0-9]{0,15}$/.test(zzlxdm) || zzmc === undefined) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'zzlxdm (upper-case code) and zzmc are required');
    }
    const wrong = OPTIONAL_FIELDS.find((key) => body[key] !== undefined && nonEmptyString(body[key]) === undefined);
    if (wrong) return controlError(ctx, 400, 'BAD_REQUEST', `${wrong} must be a non-empty string`);
    const fzrq = nonEmptyString(body.fzrq) ?? today();
    const yxqz = nonEmptyString(body.yxqz) ?? LONG_TERM;
    const zt = nonEmptyString(body.zt);
    const zzbh = nonEmptyString(body.zzbh) ?? person.idNumber;
    const fzjg = nonEmptyString(body.fzjg) ?? '广州市公安局';
    if (!isValidCompactDate(fzrq) || (yxqz !== LONG_TERM && !isValidCompactDate(yxqz))) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'fzrq must be yyyyMMdd and yxqz yyyyMMdd or 长期');
    }
    const status = STATUSES.find((known) => known === zt);
    if (zt !== undefined && status === undefined) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'zt must be "1", "2" or "3"');
    }
    const licence = deps.licences.add(
      person,
      { zzlxdm, zzmc, zzbh, fzjg, fzrq, yxqz, ...(status === undefined ? {} : { zt: status }) },
      today(),
    );
    ctx.status = 201;
    ctx.body = { licence };
  });

  return router;
}

function intParam(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}
