import { maskIdNumber, maskName } from '@suijing/shared';
import Router from '@koa/router';
import { addPersonOutcomeRoutes } from '../../control/person-outcome.routes';
import { controlError } from '../../control/reply';
import { IN_PERSON_OUTCOME_LIST, isInPersonOutcome, type PersonOutcomes } from '../../core/in-person-outcomes';
import { bodyRecord } from '../../core/input';
import type { PopulationRegister } from '../../seed/population';
import { authPagePath } from './api.routes';
import type { CtidRequests } from './requests';

/**
 * Sandbox-only helpers of the 网证 platform, mounted under /sandbox/ctid. `:ref` is a
 * request's businessSerialNumber or the jump token at the end of its authUrl.
 * GET    /requests/:ref                   -> {businessSerialNumber, bizSerialNum, authMode, name, idNumber (masked),
 *                                             status: pending|expired|done, outcome, defaultOutcome, authPath, expiresAt}
 * POST   /requests/:ref/complete {outcome?} -> {businessSerialNumber, outcome}: what the person does in the App;
 *                                             outcome pass | not-same-person | no-face | liveness-failed | timeout |
 *                                             cancel | fail, absent = the person's default. 400 bad outcome,
 *                                             404 unknown or read already, 409 done already, 410 expired
 * GET    /people/:idNumber                -> {idNumber (masked), outcome}: how this person's authorisations go
 * POST   /people/:idNumber {outcome}      -> the same, after setting it (404 for a number not in the register)
 * DELETE /people/:idNumber                -> back to pass
 */
export function ctidControlRoutes(deps: {
  requests: CtidRequests;
  outcomes: PersonOutcomes;
  register: PopulationRegister;
}): Router {
  const { requests, outcomes, register } = deps;
  const router = new Router();

  router.get('/requests/:ref', (ctx) => {
    const request = requests.find(ctx.params.ref ?? '');
    if (!request) return controlError(ctx, 404, 'NOT_FOUND', 'no such request (or its result was read already)');
    const expired = request.outcome === undefined && requests.isExpired(request);
    ctx.body = {
      businessSerialNumber: request.id,
      bizSerialNum: request.bizSerialNum,
      authMode: request.authMode,
      name: maskName(request.name),
      idNumber: maskIdNumber(request.idNumber),
      status: request.outcome !== undefined ? 'done' : expired ? 'expired' : 'pending',
      outcome: request.outcome ?? null,
      defaultOutcome: outcomes.get(request.idNumber),
      authPath: authPagePath(request.token),
      expiresAt: new Date(request.expiresAt).toISOString(),
    };
  });

  router.post('/requests/:ref/complete', (ctx) => {
    const { outcome: asked } = bodyRecord(ctx.request.body);
    if (asked !== undefined && !isInPersonOutcome(asked)) {
      return controlError(ctx, 400, 'BAD_REQUEST', `outcome must be one of ${IN_PERSON_OUTCOME_LIST}`);
    }
    const ref = ctx.params.ref ?? '';
    const found = requests.find(ref);
    const outcome = asked ?? (found ? outcomes.get(found.idNumber) : 'pass');
    const completion = requests.complete(ref, outcome);
    switch (completion.kind) {
      case 'unknown':
        return controlError(ctx, 404, 'NOT_FOUND', 'no such request (or its result was read already)');
      case 'already-done':
        return controlError(ctx, 409, 'ALREADY_DONE', 'this request has been answered already');
      case 'expired':
        return controlError(ctx, 410, 'EXPIRED', 'this request has expired');
      case 'done':
        ctx.body = { businessSerialNumber: completion.request.id, outcome };
    }
  });

  addPersonOutcomeRoutes(router, '/people', outcomes, register);

  return router;
}
