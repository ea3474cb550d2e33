import Router from '@koa/router';
import type { ApprovalDesk } from './approval-desk';
import { requireAppKey } from './app-key';
import {
  answerSupplement,
  readCase,
  recordFeePayment,
  recordFeeRefund,
  submitCase,
  withdrawCase,
} from './case-handlers';
import { uploadMaterial } from './upload';

/**
 * The approval system's public API (approval.dialect.ts in the BFF is the contract):
 *   POST /approval/v1/materials                  multipart: file, sfzmhm
 *   POST /approval/v1/cases                      SubmitRequest (dsr: the 当事人 when filed for a family member;
 *                                                4024 when the item's dbfs does not allow it, 4021 with the rule's
 *                                                reason when a 居住证/居住登记 case does not qualify)
 *   GET  /approval/v1/cases/:bjbh?sfzmhm=        (the applicant's or the 当事人's)
 *   POST /approval/v1/cases/:bjbh/supplements    {sfzmhm, bcsm, cl}
 *   POST /approval/v1/cases/:bjbh/withdraw       {sfzmhm, chyy}
 *   POST /approval/v1/cases/:bjbh/jf             {jyh, jfje, jfsj}  the fee paid (the payment side reports it)
 *   POST /approval/v1/cases/:bjbh/tf             {jyh, tkje, tksj}  the paid fee refunded
 * Every request carries X-App-Key (else HTTP 401, 1001); other errors are HTTP 200 with their code.
 */
export function approvalRoutes(desk: ApprovalDesk, appKey: string): Router {
  const router = new Router({ prefix: '/approval/v1' });
  router.use(requireAppKey(appKey));
  router.post('/materials', uploadMaterial(desk.materials));
  router.post('/cases', submitCase(desk));
  router.get('/cases/:bjbh', readCase(desk));
  router.post('/cases/:bjbh/supplements', answerSupplement(desk));
  router.post('/cases/:bjbh/withdraw', withdrawCase(desk));
  router.post('/cases/:bjbh/jf', recordFeePayment(desk));
  router.post('/cases/:bjbh/tf', recordFeeRefund(desk));
  return router;
}
