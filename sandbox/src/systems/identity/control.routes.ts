import { isValidCompactDate } from '@suijing/shared';
import type { Context } from 'koa';
import Router from '@koa/router';
import { controlError } from '../../control/reply';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, isRecord, nonEmptyString } from '../../core/input';
import { toCompactDate } from '../../legacy/dates';
import type { PersonRole, PopulationRegister } from '../../seed/population';
import { addYears, LONG_TERM, type LicenceStatus, type LicenceStore } from './licences';
import {
  guangzhouDistrictOf,
  permitIssuer,
  type EndorsementEntry,
  type PermitEntry,
  type RegistrationEntry,
  type ResidenceBook,
} from './residence-book';
import { fileLicence } from './residence-cases';

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
  'newcomer',
];
const DEFAULT_ADDRESS = '广州市天河区天河路1号101房';
const STATUSES: readonly LicenceStatus[] = ['1', '2', '3'];
const MAX_LIMIT = 200;
const OPTIONAL_FIELDS = ['zzbh', 'fzjg', 'fzrq', 'yxqz', 'zt'] as const;

/**
 * Sandbox-only, mounted under /sandbox/identity:
 * GET  /people?role=&licence=&limit=&offset=  -> {total, people: [{role, name, idNumber, gender, birthDate,
 *      regionCode, regionName, status, licences: [zzlxdm]}]}: who to verify (limit ≤ 200, default 20)
 * POST /licences {sfzmhm, zzlxdm, zzmc, zzbh?, fzjg?, fzrq?, yxqz?, zt?} -> 201 {licence}: files a licence
 *      (replacing the person's licence of that type); zt is computed from yxqz unless given; zzxx (照面信息,
 *      an object of strings) optional
 * POST /residence {sfzmhm, djrq?, jzdz?, jzz?} -> {hjdqh, djxx, jzz} (as GET /identity/v1/residence): sets a
 *      person's residence file to reach the rules' edges. djrq yyyyMMdd: one active 居住登记 of that date (at jzdz,
 *      else the current address); null: none. jzz {qfrq, yxqz?, qfjg?, qzjl?: [{qzrq, zn}]}: that permit (yxqz
 *      defaults to qfrq + 3 years) and the matching 广东省居住证 e-licence; null: no permit. Absent: unchanged.
 */
export function identityControlRoutes(deps: {
  clock: SandboxClock;
  register: PopulationRegister;
  licences: LicenceStore;
  residence: ResidenceBook;
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
    const zzxx = body.zzxx;
    const fields = isRecord(zzxx) ? Object.entries(zzxx) : [];
    const text = fields.flatMap(([key, value]): [string, string][] =>
      typeof value === 'string' ? [[key, value]] : [],
    );
    if (zzxx !== undefined && (!isRecord(zzxx) || text.length !== fields.length)) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'zzxx must be an object of strings');
    }
    const face = zzxx === undefined ? {} : { zzxx: Object.fromEntries(text) };
    const licence = deps.licences.add(
      person,
      { zzlxdm, zzmc, zzbh, fzjg, fzrq, yxqz, ...(status === undefined ? {} : { zt: status }), ...face },
      today(),
    );
    ctx.status = 201;
    ctx.body = { licence };
  });

  router.post('/residence', (ctx) => setResidence(ctx, deps, today()));

  return router;
}

/** POST /residence: the registrations and/or the permit as the body says (see the header). */
function setResidence(
  ctx: Context,
  deps: { register: PopulationRegister; licences: LicenceStore; residence: ResidenceBook },
  today: string,
): void {
  const body = bodyRecord(ctx.request.body);
  const sfzmhm = nonEmptyString(body.sfzmhm);
  const person = sfzmhm === undefined ? undefined : deps.register.find(sfzmhm);
  if (!person) return controlError(ctx, 404, 'NOT_FOUND', 'sfzmhm must be a person in the register');
  const file = deps.residence.file(person.idNumber);
  let registrations: RegistrationEntry[] | undefined;
  if (body.djrq === null) registrations = [];
  else if (body.djrq !== undefined) {
    const djrq = nonEmptyString(body.djrq);
    const jzdz = nonEmptyString(body.jzdz) ?? file?.registrations.find((r) => r.zt === '1')?.jzdz ?? DEFAULT_ADDRESS;
    const district = guangzhouDistrictOf(jzdz);
    if (djrq === undefined || !isValidCompactDate(djrq) || !district) {
      return controlError(
        ctx,
        400,
        'BAD_REQUEST',
        'djrq must be yyyyMMdd (or null) and jzdz name a Guangzhou district',
      );
    }
    registrations = [{ djbh: `${district.code}${djrq}0001`, jzdz, jzdzqh: district.code, djrq, zt: '1' }];
  }
  let permit: PermitEntry | null | undefined;
  if (body.jzz === null) permit = null;
  else if (body.jzz !== undefined) {
    const parsed = parsePermit(body.jzz, person.idNumber, registrations?.[0]?.jzdzqh);
    if (typeof parsed === 'string') return controlError(ctx, 400, 'BAD_REQUEST', parsed);
    permit = parsed;
  }
  deps.residence.set(person, {
    ...(registrations === undefined ? {} : { registrations }),
    ...(permit === undefined ? {} : { permit }),
  });
  if (permit === null) deps.licences.withdraw(person, 'JZZ');
  else if (permit) fileLicence(deps.licences, person, permit, today);
  ctx.body = deps.residence.answer(person.idNumber, today);
}

/** The jzz object of POST /residence, or what is wrong with it. */
function parsePermit(value: unknown, jzzh: string, districtCode: string | undefined): PermitEntry | string {
  if (!isRecord(value)) return 'jzz must be an object or null';
  const qfrq = nonEmptyString(value.qfrq);
  if (qfrq === undefined || !isValidCompactDate(qfrq)) return 'jzz.qfrq must be yyyyMMdd';
  const yxqz = nonEmptyString(value.yxqz) ?? addYears(qfrq, 3);
  if (!isValidCompactDate(yxqz) || yxqz <= qfrq) return 'jzz.yxqz must be yyyyMMdd after qfrq';
  const qfjg = nonEmptyString(value.qfjg) ?? permitIssuer(districtCode ?? '440106');
  const list = value.qzjl ?? [];
  if (!Array.isArray(list)) return 'jzz.qzjl must be an array';
  const qzjl: EndorsementEntry[] = [];
  for (const entry of list) {
    const qzrq = isRecord(entry) ? nonEmptyString(entry.qzrq) : undefined;
    const zn = isRecord(entry) ? nonEmptyString(entry.zn) : undefined;
    if (qzrq === undefined || zn === undefined || !isValidCompactDate(qzrq) || !isValidCompactDate(zn)) {
      return 'jzz.qzjl entries must be {qzrq, zn} in yyyyMMdd';
    }
    qzjl.push({ qzrq, zn });
  }
  return { jzzh, qfjg, qfrq, yxqz, qzjl };
}

function intParam(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
}
