import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import { isRecord, nonEmptyString, type JsonRecord } from '../../core/input';
import type { PopulationRegister } from '../../seed/population';
import { AUTH_MODES, resultOf } from './auth-result';
import { ctidTimeStamp, errorPackage, openEnvelope, sealEnvelope, type CtidApp } from './envelope';
import { CTID_ERRORS, type CtidError } from './errors';
import { REQUEST_TTL_MS, type CtidRequests } from './requests';

const SERIAL = /^[A-Za-z0-9_-]{6,64}$/;
const MAX_NAME = 64;
const MAX_URL = 2048;

export interface CtidDeps {
  app: CtidApp;
  clock: SandboxClock;
  requests: CtidRequests;
  register: PopulationRegister;
}

/** The path of the authorisation page a request's jump token opens. */
export function authPagePath(token: string): string {
  return `/ctid/h5/authorize/${token}`;
}

function answer(ctx: Context, deps: CtidDeps, pkg: JsonRecord, signed: boolean): void {
  ctx.status = 200;
  ctx.body = sealEnvelope(pkg, deps.clock.nowMs(), signed ? deps.app.appSecret : undefined);
}

function refuse(ctx: Context, deps: CtidDeps, error: CtidError): void {
  answer(ctx, deps, errorPackage(error), true);
}

/**
 * POST /ctid/v1/auth/apply  {bizPackage: JSON of {appId, timeStamp, bizSerialNum, authMode: "0x42",
 *                            sfxx: {xm, gmsfhm}, returnUrl?}, sign}
 * -> bizPackage {success: true, appId, bizSerialNum, businessSerialNumber, authUrl, qrCode, expiresIn: 300, timeStamp}
 * Checks, in order: envelope (E1003), app and sign (E1001), timeStamp (E1002), fields (E1003),
 * mode (E1004), number format (E1005), bizSerialNum not used before (E1006). The name and number
 * are checked against the register when the person authorises, as the platform does.
 */
export function applyForAuth(deps: CtidDeps) {
  return (ctx: Context): void => {
    const opened = openEnvelope(ctx.request.body, deps.app, deps.clock.nowMs());
    if (!opened.ok) return answer(ctx, deps, errorPackage(opened.error), opened.authenticated);
    const { pkg } = opened;
    const bizSerialNum = nonEmptyString(pkg.bizSerialNum);
    const sfxx = isRecord(pkg.sfxx) ? pkg.sfxx : {};
    const name = nonEmptyString(sfxx.xm)?.trim();
    const idNumber = nonEmptyString(sfxx.gmsfhm)?.trim();
    const returnUrl = pkg.returnUrl === undefined ? undefined : webUrl(pkg.returnUrl);
    if (
      bizSerialNum === undefined ||
      !SERIAL.test(bizSerialNum) ||
      !name ||
      name.length > MAX_NAME ||
      !idNumber ||
      typeof pkg.authMode !== 'string' ||
      returnUrl === null
    ) {
      return refuse(ctx, deps, CTID_ERRORS.BAD_PARAMS);
    }
    if (pkg.authMode.toLowerCase() !== AUTH_MODES.FACE_AND_NAME) return refuse(ctx, deps, CTID_ERRORS.UNSUPPORTED_MODE);
    if (deps.register.check(name, idNumber).outcome === 'bad-number')
      return refuse(ctx, deps, CTID_ERRORS.BAD_ID_NUMBER);
    if (deps.requests.isSerialUsed(deps.app.appId, bizSerialNum)) return refuse(ctx, deps, CTID_ERRORS.SERIAL_USED);

    const request = deps.requests.create({
      appId: deps.app.appId,
      bizSerialNum,
      authMode: AUTH_MODES.FACE_AND_NAME,
      name,
      idNumber,
      returnUrl,
    });
    const authUrl = `${ctx.protocol}://${ctx.host}${authPagePath(request.token)}`;
    answer(
      ctx,
      deps,
      {
        success: true,
        appId: deps.app.appId,
        bizSerialNum,
        businessSerialNumber: request.id,
        authUrl,
        // The real QR carries a token for the 国家网络身份认证 App; the sandbox's opens the same page.
        qrCode: authUrl,
        expiresIn: REQUEST_TTL_MS / 1000,
      },
      true,
    );
  };
}

/**
 * POST /ctid/v1/auth/result  {bizPackage: JSON of {appId, timeStamp, bizSerialNum, businessSerialNumber}, sign}
 * -> bizPackage {success: true, appId, bizSerialNum, businessSerialNumber, authMode, authStatus, authResult?,
 *                authDesc?, resultTime?, timeStamp}
 * authStatus WAITING (ask again later), DONE (authResult, resultTime), CANCELLED (resultTime) or EXPIRED.
 * A final answer (anything but WAITING) is given once; the request is then gone (E2001), as is any
 * request asked for with another bizSerialNum or by another app.
 */
export function authResult(deps: CtidDeps) {
  return (ctx: Context): void => {
    const opened = openEnvelope(ctx.request.body, deps.app, deps.clock.nowMs());
    if (!opened.ok) return answer(ctx, deps, errorPackage(opened.error), opened.authenticated);
    const { pkg } = opened;
    const bizSerialNum = nonEmptyString(pkg.bizSerialNum);
    const id = nonEmptyString(pkg.businessSerialNumber);
    if (bizSerialNum === undefined || id === undefined) return refuse(ctx, deps, CTID_ERRORS.BAD_PARAMS);
    const request = deps.requests.get(id);
    if (!request || request.appId !== pkg.appId || request.bizSerialNum !== bizSerialNum) {
      return refuse(ctx, deps, CTID_ERRORS.NO_SUCH_REQUEST);
    }
    const result = resultOf(request, deps.requests.isExpired(request), deps.register);
    if (result.authStatus !== 'WAITING') deps.requests.consume(request);
    answer(
      ctx,
      deps,
      {
        success: true,
        appId: request.appId,
        bizSerialNum,
        businessSerialNumber: request.id,
        authMode: request.authMode,
        authStatus: result.authStatus,
        ...(result.authResult === undefined ? {} : { authResult: result.authResult }),
        ...(result.authDesc === undefined ? {} : { authDesc: result.authDesc }),
        ...(result.resultAt === undefined ? {} : { resultTime: ctidTimeStamp(result.resultAt) }),
      },
      true,
    );
  };
}

/** An absolute http(s) URL, undefined when absent, null when unusable. */
function webUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_URL) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}
