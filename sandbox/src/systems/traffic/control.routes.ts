import { isValidCompactDate } from '@suijing/shared';
import Router from '@koa/router';
import type { Context } from 'koa';
import { controlError } from '../../control/reply';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, type JsonRecord } from '../../core/input';
import { toCompactDate } from '../../legacy/dates';
import { joinStatusLetters, splitStatusLetters } from '../../legacy/fields';
import { isTrafficLatency, MAX_TRAFFIC_LATENCY_MS } from '../../options';
import { violationDay, violationTime } from './days';
import { splitClasses, joinClasses } from './downgrade';
import { makeViolation, newestFirst } from './generate-violations';
import { otherCityPlate } from './plates';
import type { TrafficPace } from './latency';
import type { DriverLicence, Vehicle, Violation } from './records';
import { VIOLATION_KINDS } from './records';
import type { TrafficBook } from './traffic-book';
import type { Prng } from '../../core/prng';

const LICENCE_DATES = ['qfrq', 'yxqs', 'yxqz', 'cclzrq', 'tjrq'] as const;
const VEHICLE_DATES = ['yxqz', 'qzbfqz', 'bxzzrq', 'ccdjrq'] as const;

type Problem = string | undefined;

/**
 * Sandbox-only, mounted under /sandbox/traffic (plain JSON, values unpadded):
 * GET  /people/:sfzmhm                 -> {sfzmhm, licence|null, vehicles (with mortgage), violations: {xc, fxc}}
 * PUT  /people/:sfzmhm/licence {zt?, ljjf?, zjcx?, qfrq?, yxqs?, yxqz?, cclzrq?, syrq?, tjrq?} -> {licence}
 * PUT  /vehicles/:xh {zt?, yxqz?, qzbfqz?, bxzzrq?, ccdjrq?, dybj?}                         -> {vehicle}
 *      (dybj "1" on a car without a mortgage registers one; "0" removes it with its release record)
 * POST /people/:sfzmhm/violations {lx, wfxw, hphm?, wfsj?, clbj?, jkbj?} -> 201 {violation}
 * POST /vehicles/:xh/release {bh?, rq?} -> 201 {jcdyjl}: the lender files its release record
 * GET/PUT /latency {latencyMs}         -> {latencyMs}: the system's base answer time
 * Statuses are not recomputed on changes: set zt along with the dates it depends on.
 */
export function trafficControlRoutes(deps: {
  book: TrafficBook;
  pace: TrafficPace;
  clock: SandboxClock;
  /** The control routes' own stream (lenders, contract and record numbers); reset starts it again. */
  random: () => Prng;
}): Router {
  const router = new Router();
  const { book } = deps;
  const today = (): string => toCompactDate(deps.clock.now());
  const bad = (ctx: Context, message: string): void => controlError(ctx, 400, 'BAD_REQUEST', message);

  router.get('/people/:sfzmhm', (ctx) => {
    const file = book.file(ctx.params.sfzmhm ?? '');
    if (!file) return controlError(ctx, 404, 'NOT_FOUND', 'sfzmhm must be a person in the register');
    ctx.body = {
      sfzmhm: file.sfzmhm,
      licence: file.licence ?? null,
      vehicles: file.vehicles,
      violations: { xc: [...file.onSite].sort(newestFirst), fxc: [...file.camera].sort(newestFirst) },
    };
  });

  router.put('/people/:sfzmhm/licence', (ctx) => {
    const file = book.file(ctx.params.sfzmhm ?? '');
    if (!file?.licence) return controlError(ctx, 404, 'NOT_FOUND', 'no driving licence on file for this sfzmhm');
    const body = bodyRecord(ctx.request.body);
    const changes: Partial<DriverLicence> = {};
    const problem =
      onlyKeys(body, ['zt', 'ljjf', 'zjcx', 'syrq', ...LICENCE_DATES]) ??
      dates(body, LICENCE_DATES, changes) ??
      statusLetters(body.zt, book.tables.statusLetters.licence, changes) ??
      points(body.ljjf, changes) ??
      classes(body.zjcx, book, changes) ??
      (body.syrq === undefined || body.syrq === '' || isDate(body.syrq)
        ? undefined
        : 'syrq must be yyyyMMdd or "" (never reviewed)');
    if (problem) return bad(ctx, problem);
    if (typeof body.syrq === 'string') changes.syrq = body.syrq;
    Object.assign(file.licence, changes);
    ctx.body = { licence: file.licence };
  });

  router.put('/vehicles/:xh', (ctx) => {
    const found = book.vehicle(ctx.params.xh ?? '');
    if (!found) return controlError(ctx, 404, 'NOT_FOUND', `no vehicle ${String(ctx.params.xh)}`);
    const body = bodyRecord(ctx.request.body);
    const changes: Partial<Vehicle> = {};
    const problem =
      onlyKeys(body, ['zt', 'dybj', ...VEHICLE_DATES]) ??
      dates(body, VEHICLE_DATES, changes) ??
      statusLetters(body.zt, book.tables.statusLetters.vehicle, changes) ??
      (body.dybj === undefined || body.dybj === '0' || body.dybj === '1' ? undefined : 'dybj must be "0" or "1"');
    if (problem) return bad(ctx, problem);
    const { vehicle } = found;
    Object.assign(vehicle, changes);
    if (body.dybj === '0') {
      vehicle.dybj = '0';
      delete vehicle.mortgage;
    } else if (body.dybj === '1' && !vehicle.mortgage) {
      vehicle.dybj = '1';
      const djrq = today();
      vehicle.mortgage = {
        dyqr: deps.random().pick(book.tables.vehicles.lenders),
        dyhtbh: `GZDY${djrq.slice(0, 4)}${deps.random().chars('0123456789', 8)}`,
        djrq,
      };
    }
    ctx.body = { vehicle };
  });

  router.post('/people/:sfzmhm/violations', (ctx) => {
    const file = book.file(ctx.params.sfzmhm ?? '');
    if (!file) return controlError(ctx, 404, 'NOT_FOUND', 'sfzmhm must be a person in the register');
    const body = bodyRecord(ctx.request.body);
    const lx = VIOLATION_KINDS.find((kind) => kind === body.lx);
    if (!lx) return bad(ctx, 'lx must be "xc" or "fxc"');
    if (typeof body.wfxw !== 'string' || !book.tables.behaviours[body.wfxw]) {
      return bad(ctx, `wfxw must be one of ${Object.keys(book.tables.behaviours).join(', ')}`);
    }
    if (lx === 'xc' && !file.licence) return controlError(ctx, 409, 'CONFLICT', 'an on-site record needs a licence');
    if (body.hphm !== undefined && (typeof body.hphm !== 'string' || !/^粤[A-Z][A-Z0-9]{5,6}$/.test(body.hphm))) {
      return bad(ctx, 'hphm must be a plate like 粤A12345');
    }
    const hphm = typeof body.hphm === 'string' ? body.hphm : file.vehicles[0]?.hphm;
    const vehicle = file.vehicles.find((candidate) => candidate.hphm === hphm);
    if (lx === 'fxc' && !vehicle) {
      return controlError(ctx, 409, 'CONFLICT', 'a camera record needs hphm of one of the person’s vehicles');
    }
    const wfsj = body.wfsj ?? violationTime(today(), 10 * 3600);
    const day = typeof wfsj === 'string' ? violationDay(wfsj) : undefined;
    if (typeof wfsj !== 'string' || day === undefined) return bad(ctx, 'wfsj must be yyyy-MM-dd HH:mm:ss');
    const problem = flag(body.clbj, 'clbj') ?? flag(body.jkbj, 'jkbj');
    if (problem) return bad(ctx, problem);
    const violation: Violation = {
      ...makeViolation(deps.random(), book, {
        wfbh: book.nextAddedWfbh(),
        wfxw: body.wfxw,
        day,
        // An on-site record in a car that is not theirs (or when they have none) names that car's plate.
        vehicle: vehicle ?? { hphm: hphm ?? otherCityPlate(deps.random()), hpzl: '02' },
        handled: body.clbj === '1',
        paid: body.jkbj === '1',
      }),
      wfsj,
    };
    (lx === 'xc' ? file.onSite : file.camera).push(violation);
    ctx.status = 201;
    ctx.body = { violation };
  });

  router.post('/vehicles/:xh/release', (ctx) => {
    const found = book.vehicle(ctx.params.xh ?? '');
    if (!found) return controlError(ctx, 404, 'NOT_FOUND', `no vehicle ${String(ctx.params.xh)}`);
    const mortgage = found.vehicle.mortgage;
    if (found.vehicle.dybj !== '1' || !mortgage) {
      return controlError(ctx, 409, 'CONFLICT', 'the vehicle is not mortgaged (dybj "0")');
    }
    const body = bodyRecord(ctx.request.body);
    const rq = body.rq ?? today();
    if (!isDate(rq)) return bad(ctx, 'rq must be yyyyMMdd');
    const bh = body.bh ?? `JC${rq}${deps.random().chars('0123456789', 6)}`;
    if (typeof bh !== 'string' || !/^[A-Za-z0-9-]{4,40}$/.test(bh))
      return bad(ctx, 'bh must be 4-40 letters, digits or -');
    mortgage.jcdyjl = { bh, rq };
    ctx.status = 201;
    ctx.body = { jcdyjl: mortgage.jcdyjl };
  });

  router.get('/latency', (ctx) => {
    ctx.body = { latencyMs: deps.pace.latencyMs };
  });

  router.put('/latency', (ctx) => {
    const { latencyMs } = bodyRecord(ctx.request.body);
    if (!isTrafficLatency(latencyMs)) {
      return bad(ctx, `latencyMs must be an integer from 0 to ${MAX_TRAFFIC_LATENCY_MS}`);
    }
    deps.pace.set(latencyMs);
    ctx.body = { latencyMs };
  });

  return router;
}

function isDate(value: unknown): value is string {
  return typeof value === 'string' && isValidCompactDate(value);
}

function onlyKeys(body: JsonRecord, allowed: readonly string[]): Problem {
  const unknown = Object.keys(body).find((key) => !allowed.includes(key));
  return unknown === undefined ? undefined : `${unknown} cannot be changed here (allowed: ${allowed.join(', ')})`;
}

function dates<T extends object>(body: JsonRecord, keys: readonly (keyof T & string)[], changes: Partial<T>): Problem {
  for (const key of keys) {
    const value = body[key];
    if (value === undefined) continue;
    if (!isDate(value)) return `${key} must be a yyyyMMdd date`;
    Object.assign(changes, { [key]: value });
  }
  return undefined;
}

function statusLetters(value: unknown, known: Record<string, string>, changes: { zt?: string }): Problem {
  if (value === undefined) return undefined;
  const letters = typeof value === 'string' ? splitStatusLetters(value) : [];
  if (
    typeof value !== 'string' ||
    letters.length === 0 ||
    letters.join('') !== value ||
    letters.some((l) => !known[l])
  ) {
    return `zt must be status letters from ${Object.keys(known).join('')}`;
  }
  changes.zt = joinStatusLetters(letters);
  return undefined;
}

function points(value: unknown, changes: { ljjf?: string }): Problem {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^\d{1,2}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 0 || number > 99) {
    return 'ljjf must be an integer from 0 to 99';
  }
  changes.ljjf = String(number);
  return undefined;
}

function classes(value: unknown, book: TrafficBook, changes: { zjcx?: string }): Problem {
  if (value === undefined) return undefined;
  const codes = typeof value === 'string' ? splitClasses(value, book.tables.classes) : undefined;
  if (!codes) return `zjcx must be licence classes such as C1, B2 or A1A2`;
  changes.zjcx = joinClasses(codes, book.tables.classes);
  return undefined;
}

function flag(value: unknown, name: string): Problem {
  return value === undefined || value === '0' || value === '1' ? undefined : `${name} must be "0" or "1"`;
}
