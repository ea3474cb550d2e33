import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import { bodyRecord, isRecord, nonEmptyString } from '../../core/input';
import type { PopulationRegister } from '../../seed/population';
import { WECHAT_ERRORS, wechatError, type WechatError } from './errors';
import type { WechatState } from './state';
import { accessTokenError } from './token-guard';

/** A verify_id may start a face check for ten minutes on the sandbox clock. */
export const VERIFY_ID_TTL_MS = 600 * 1000;

/** verify_ret values of queryverifyinfo (the BFF contract's; the real server adds 9xxxx client-side failures). */
export const VERIFY_RET = { PASSED: 10000, NOT_DONE: 10001, FAILED: 10002, EXPIRED: 10003 } as const;

export const CERT_TYPE = 'IDENTITY_CARD';
const OUT_SEQ_NO = /^[A-Za-z0-9_-]{5,32}$/;

export interface FaceSession {
  verifyId: string;
  outSeqNo: string;
  certName: string;
  certNo: string;
  openid: string | undefined;
  expiresAt: number;
  result: 'pending' | 'pass' | 'fail';
}

/**
 * cert_hash as WeChat documents it: each of cert_type, cert_name and cert_no
 * in standard base64 (of UTF-8), joined as `cert_type=…&cert_name=…&cert_no=…`,
 * then SHA-256 in lower-case hex.
 */
export function certHash(certName: string, certNo: string): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64(CERT_TYPE)}&cert_name=${b64(certName)}&cert_no=${b64(certNo)}`)
    .digest('hex');
}

export type CameraOutcome = 'done' | 'unknown' | 'expired' | 'already-done';

/**
 * Face check sessions. A verify_id can be taken through the camera step
 * once, before it expires; a final result (passed or failed) can be read
 * once, after which the verify_id is gone (84001), so a result can never be
 * replayed for another request.
 */
export class FaceSessions {
  private readonly sessions = new Map<string, FaceSession>();
  private readonly usedSeqNos = new Set<string>();

  constructor(private readonly clock: SandboxClock) {}

  isSeqNoUsed(outSeqNo: string): boolean {
    return this.usedSeqNos.has(outSeqNo);
  }

  open(outSeqNo: string, certName: string, certNo: string, openid: string | undefined): FaceSession {
    const session: FaceSession = {
      verifyId: randomBytes(33).toString('base64url'),
      outSeqNo,
      certName,
      certNo,
      openid,
      expiresAt: this.clock.nowMs() + VERIFY_ID_TTL_MS,
      result: 'pending',
    };
    this.sessions.set(session.verifyId, session);
    this.usedSeqNos.add(outSeqNo);
    return session;
  }

  get(verifyId: string): FaceSession | undefined {
    return this.sessions.get(verifyId);
  }

  isExpired(session: FaceSession): boolean {
    return this.clock.nowMs() >= session.expiresAt;
  }

  /** The camera step (wx.requestFacialVerify in the browser build). */
  finish(verifyId: string, result: 'pass' | 'fail'): CameraOutcome {
    const session = this.sessions.get(verifyId);
    if (!session) return 'unknown';
    if (session.result !== 'pending') return 'already-done';
    if (this.isExpired(session)) return 'expired';
    session.result = result;
    return 'done';
  }

  /** Forgets a session whose final result was read. */
  consume(verifyId: string): void {
    this.sessions.delete(verifyId);
  }

  clear(): void {
    this.sessions.clear();
    this.usedSeqNos.clear();
  }
}

/**
 * POST /cityservice/face/identify/getverifyid?access_token=
 * {out_seq_no, cert_info: {cert_type: "IDENTITY_CARD", cert_name, cert_no}, openid?} -> {errcode: 0, errmsg: "ok", verify_id, expires_in}
 * The person must be in the population register under that name (84002 otherwise).
 */
export function getVerifyId(state: WechatState, register: PopulationRegister) {
  return (ctx: Context): void => {
    ctx.status = 200;
    const fail = (error: WechatError): void => {
      ctx.body = wechatError(error);
    };
    const tokenError = accessTokenError(ctx.query.access_token, state.tokens);
    if (tokenError) return fail(tokenError);
    const body = bodyRecord(ctx.request.body);
    const outSeqNo = nonEmptyString(body.out_seq_no);
    const certInfo = isRecord(body.cert_info) ? body.cert_info : undefined;
    const certName = nonEmptyString(certInfo?.cert_name);
    const certNo = nonEmptyString(certInfo?.cert_no);
    if (outSeqNo === undefined || !OUT_SEQ_NO.test(outSeqNo) || certName === undefined || certNo === undefined) {
      return fail(WECHAT_ERRORS.DATA_FORMAT);
    }
    if (certInfo?.cert_type !== CERT_TYPE) return fail(WECHAT_ERRORS.DATA_FORMAT);
    if (body.openid !== undefined && (typeof body.openid !== 'string' || !state.users.has(body.openid))) {
      return fail(WECHAT_ERRORS.INVALID_OPENID);
    }
    if (register.check(certName, certNo).outcome !== 'match') return fail(WECHAT_ERRORS.CERT_NOT_MATCH);
    if (state.faces.isSeqNoUsed(outSeqNo)) return fail(WECHAT_ERRORS.OUT_SEQ_NO_USED);
    const session = state.faces.open(
      outSeqNo,
      certName,
      certNo,
      typeof body.openid === 'string' ? body.openid : undefined,
    );
    ctx.body = { errcode: 0, errmsg: 'ok', verify_id: session.verifyId, expires_in: VERIFY_ID_TTL_MS / 1000 };
  };
}

/**
 * POST /cityservice/face/identify/queryverifyinfo?access_token= {verify_id, out_seq_no, cert_hash, openid?}
 * -> {errcode: 0, errmsg: "ok", verify_ret}: 10000 passed, 10001 not done yet, 10002 failed, 10003 expired.
 * Checks, in order: token, fields (47001), verify_id (84001), out_seq_no (41011), openid if given (41012), cert_hash (41010).
 */
export function queryVerifyInfo(state: WechatState) {
  return (ctx: Context): void => {
    ctx.status = 200;
    const fail = (error: WechatError): void => {
      ctx.body = wechatError(error);
    };
    const tokenError = accessTokenError(ctx.query.access_token, state.tokens);
    if (tokenError) return fail(tokenError);
    const body = bodyRecord(ctx.request.body);
    const verifyId = nonEmptyString(body.verify_id);
    const outSeqNo = nonEmptyString(body.out_seq_no);
    const hash = nonEmptyString(body.cert_hash);
    if (verifyId === undefined || outSeqNo === undefined || hash === undefined) return fail(WECHAT_ERRORS.DATA_FORMAT);
    const session = state.faces.get(verifyId);
    if (!session) return fail(WECHAT_ERRORS.INVALID_VERIFY_ID);
    if (session.outSeqNo !== outSeqNo) return fail(WECHAT_ERRORS.OUT_SEQ_NO_MISMATCH);
    if (body.openid !== undefined && body.openid !== session.openid) return fail(WECHAT_ERRORS.OPENID_MISMATCH);
    if (hash.toLowerCase() !== certHash(session.certName, session.certNo))
      return fail(WECHAT_ERRORS.CERT_HASH_MISMATCH);

    let verifyRet: number;
    if (session.result === 'pass') verifyRet = VERIFY_RET.PASSED;
    else if (session.result === 'fail') verifyRet = VERIFY_RET.FAILED;
    else verifyRet = state.faces.isExpired(session) ? VERIFY_RET.EXPIRED : VERIFY_RET.NOT_DONE;
    if (session.result !== 'pending') state.faces.consume(verifyId);
    ctx.body = { errcode: 0, errmsg: 'ok', verify_ret: verifyRet };
  };
}
