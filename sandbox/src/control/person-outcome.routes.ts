import { maskIdNumber } from '@suijing/shared';
import type Router from '@koa/router';
import { IN_PERSON_OUTCOME_LIST, isInPersonOutcome, type PersonOutcomes } from '../core/in-person-outcomes';
import { bodyRecord } from '../core/input';
import type { PopulationRegister } from '../seed/population';
import { controlError } from './reply';

/**
 * How a registered person's live checks go by default, for the stand-ins of
 * WeChat's face verification and of the 网证 platform (each keeps its own):
 * GET    <prefix>/:idNumber           -> {idNumber (masked), outcome}
 * POST   <prefix>/:idNumber {outcome} -> the same, after setting it
 * DELETE <prefix>/:idNumber           -> back to pass
 * 404 for a number not in the population register, 400 for an unknown outcome.
 */
export function addPersonOutcomeRoutes(
  router: Router,
  prefix: string,
  outcomes: PersonOutcomes,
  register: PopulationRegister,
): void {
  const path = `${prefix}/:idNumber`;
  const notFound = 'no person with this ID number in the population register';

  router.get(path, (ctx) => {
    const person = register.find(ctx.params.idNumber ?? '');
    if (!person) return controlError(ctx, 404, 'NOT_FOUND', notFound);
    ctx.body = { idNumber: maskIdNumber(person.idNumber), outcome: outcomes.get(person.idNumber) };
  });

  router.post(path, (ctx) => {
    const person = register.find(ctx.params.idNumber ?? '');
    if (!person) return controlError(ctx, 404, 'NOT_FOUND', notFound);
    const { outcome } = bodyRecord(ctx.request.body);
    if (!isInPersonOutcome(outcome)) {
      return controlError(ctx, 400, 'BAD_REQUEST', `outcome must be one of ${IN_PERSON_OUTCOME_LIST}`);
    }
    outcomes.set(person.idNumber, outcome);
    ctx.body = { idNumber: maskIdNumber(person.idNumber), outcome: outcomes.get(person.idNumber) };
  });

  router.delete(path, (ctx) => {
    const person = register.find(ctx.params.idNumber ?? '');
    if (!person) return controlError(ctx, 404, 'NOT_FOUND', notFound);
    outcomes.set(person.idNumber, 'pass');
    ctx.body = { idNumber: maskIdNumber(person.idNumber), outcome: 'pass' };
  });
}
