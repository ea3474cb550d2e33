import type { Context } from 'koa';
import { bodyRecord, isRecord, nonEmptyString } from '../../core/input';
import type { PopulationRegister } from '../../seed/population';
import { WECHAT_ERRORS, wechatError, type WechatError } from './errors';
import { VERIFY_RET_OF } from './face-codes';
import { CERT_TYPE, VERIFY_ID_TTL_MS, certHash } from './face-sessions';
import type { WechatState } from './state';
import { accessTokenError } from './token-guard';

const OUT_SEQ_NO = /^[A-Za-z0-9_-]{5,32}$/;

function replier(ctx: Context) {
  ctx.status = 200;
  return (error: WechatError): void => {
    ctx.body = wechatError(error);
  };
}

/**
 * POST /cityservice/face/identify/getverifyid?access_token=
 * {out_seq_no, cert_info: {cert_type: "IDENTITY_CARD", cert_name, cert_no}, openid}
 * -> {errcode: 0, errmsg: "ok", verify_id, expires_in: 3600}
 * Checks, in order: token, fields (47001), openid present (41009), cert_type (47001),
 * openid a user of the mini-program (40003), a living person of the register under
 * that name (84002), out_seq_no not used before (84005).
 */
export function getVerifyId(state: WechatState, register: PopulationRegister) {
  return (ctx: Context): void => {
    const fail = replier(ctx);
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
    const openid = nonEmptyString(body.openid);
    if (openid === undefined) return fail(WECHAT_ERRORS.MISSING_OPENID);
    if (certInfo?.cert_type !== CERT_TYPE) return fail(WECHAT_ERRORS.DATA_FORMAT);
    if (!state.users.has(openid)) return fail(WECHAT_ERRORS.INVALID_OPENID);
    if (register.check(certName, certNo).outcome !== 'match') return fail(WECHAT_ERRORS.CERT_NOT_MATCH);
    if (state.faces.isSeqNoUsed(outSeqNo)) return fail(WECHAT_ERRORS.OUT_SEQ_NO_USED);
    const session = state.faces.open(outSeqNo, certName, certNo, openid);
    ctx.body = { errcode: 0, errmsg: 'ok', verify_id: session.verifyId, expires_in: VERIFY_ID_TTL_MS / 1000 };
  };
}

/**
 * POST /cityservice/face/identify/queryverifyinfo?access_token= {verify_id, out_seq_no, cert_hash, openid}
 * -> {errcode: 0, errmsg: "ok", verify_ret} once the camera step is done (see face-codes.ts),
 *    84003 while it is not, 84004 when the verify_id expired without it.
 * Checks, in order: token, fields (47001), openid present (41009), verify_id (84001),
 * out_seq_no (41011), openid (41012), cert_hash (41010).
 * A final answer (a verify_ret or 84004) is given once; the verify_id is then gone (84001).
 */
export function queryVerifyInfo(state: WechatState) {
  return (ctx: Context): void => {
    const fail = replier(ctx);
    const tokenError = accessTokenError(ctx.query.access_token, state.tokens);
    if (tokenError) return fail(tokenError);
    const body = bodyRecord(ctx.request.body);
    const verifyId = nonEmptyString(body.verify_id);
    const outSeqNo = nonEmptyString(body.out_seq_no);
    const hash = nonEmptyString(body.cert_hash);
    if (verifyId === undefined || outSeqNo === undefined || hash === undefined) return fail(WECHAT_ERRORS.DATA_FORMAT);
    if (nonEmptyString(body.openid) === undefined) return fail(WECHAT_ERRORS.MISSING_OPENID);
    const session = state.faces.get(verifyId);
    if (!session) return fail(WECHAT_ERRORS.INVALID_VERIFY_ID);
    if (session.outSeqNo !== outSeqNo) return fail(WECHAT_ERRORS.OUT_SEQ_NO_MISMATCH);
    if (body.openid !== session.openid) return fail(WECHAT_ERRORS.OPENID_MISMATCH);
    if (hash.toLowerCase() !== certHash(session.certName, session.certNo)) {
      return fail(WECHAT_ERRORS.CERT_HASH_MISMATCH);
    }

    if (session.outcome === undefined) {
      if (!state.faces.isExpired(session)) return fail(WECHAT_ERRORS.VERIFY_NOT_FINISHED);
      state.faces.consume(verifyId);
      return fail(WECHAT_ERRORS.VERIFY_ID_EXPIRED);
    }
    state.faces.consume(verifyId);
    ctx.body = { errcode: 0, errmsg: 'ok', verify_ret: VERIFY_RET_OF[session.outcome] };
  };
}
