import { maskIdNumber } from '@suijing/shared';
import type Router from '@koa/router';
import { addPersonOutcomeRoutes } from '../../control/person-outcome.routes';
import { controlError } from '../../control/reply';
import { IN_PERSON_OUTCOME_LIST, isInPersonOutcome } from '../../core/in-person-outcomes';
import { bodyRecord, nonEmptyString } from '../../core/input';
import type { PopulationRegister } from '../../seed/population';
import { VERIFY_RET_OF } from './face-codes';
import type { WechatState } from './state';

/**
 * The camera step of wx.requestFacialVerify and the per-person outcomes, under /sandbox/wechat:
 * GET    /face/:verifyId                 -> {verifyId, certName, certNo (masked), status: pending|expired|done,
 *                                            outcome, defaultOutcome, expiresAt}
 * POST   /face/:verifyId {outcome?, openid?} -> {verifyId, outcome, verifyRet}: outcome one of
 *                                            pass | not-same-person | no-face | liveness-failed | timeout | cancel | fail,
 *                                            absent = the person's default; `result` is accepted as the older name.
 *                                            400 bad outcome, 403 another WeChat user (openid given and not the
 *                                            check's), 404 unknown or used up, 409 done already, 410 expired
 * GET    /face/people/:idNumber          -> {idNumber (masked), outcome}: how this person's camera steps go by default
 * POST   /face/people/:idNumber {outcome} -> the same, after setting it (404 for a number not in the register)
 * DELETE /face/people/:idNumber          -> back to pass
 */
export function addFaceControlRoutes(router: Router, state: WechatState, register: PopulationRegister): void {
  addPersonOutcomeRoutes(router, '/face/people', state.faceOutcomes, register);

  router.get('/face/:verifyId', (ctx) => {
    const session = state.faces.get(ctx.params.verifyId ?? '');
    if (!session) return controlError(ctx, 404, 'NOT_FOUND', 'no such verify_id (or its result was read already)');
    const expired = session.outcome === undefined && state.faces.isExpired(session);
    ctx.body = {
      verifyId: session.verifyId,
      certName: session.certName,
      certNo: maskIdNumber(session.certNo),
      status: session.outcome !== undefined ? 'done' : expired ? 'expired' : 'pending',
      outcome: session.outcome ?? null,
      defaultOutcome: state.faceOutcomes.get(session.certNo),
      expiresAt: new Date(session.expiresAt).toISOString(),
    };
  });

  router.post('/face/:verifyId', (ctx) => {
    const body = bodyRecord(ctx.request.body);
    const asked = body.outcome ?? body.result;
    if (asked !== undefined && !isInPersonOutcome(asked)) {
      return controlError(ctx, 400, 'BAD_REQUEST', `outcome must be one of ${IN_PERSON_OUTCOME_LIST}`);
    }
    const verifyId = ctx.params.verifyId ?? '';
    const session = state.faces.get(verifyId);
    const outcome = asked ?? (session ? state.faceOutcomes.get(session.certNo) : 'pass');
    const result = state.faces.finish(verifyId, outcome, nonEmptyString(body.openid));
    switch (result.kind) {
      case 'unknown':
        return controlError(ctx, 404, 'NOT_FOUND', 'no such verify_id (or its result was read already)');
      case 'other-user':
        return controlError(ctx, 403, 'OTHER_USER', 'this verify_id was started for another WeChat user');
      case 'already-done':
        return controlError(ctx, 409, 'ALREADY_DONE', 'this verify_id has been through the camera step already');
      case 'expired':
        return controlError(ctx, 410, 'EXPIRED', 'this verify_id has expired');
      case 'done':
        ctx.body = { verifyId, outcome, verifyRet: VERIFY_RET_OF[outcome] };
    }
  });
}
