import Router from '@koa/router';
import type { Context } from 'koa';
import type { SandboxClock } from '../../core/clock';
import type { JsonRecord } from '../../core/input';
import { isEmsDigest } from './digest';
import { EMS_ERRORS, EMS_OK, emsFail } from './errors';
import { MAIL_NO_PATTERN, type ParcelBook } from './parcels';
import { stepsDone, type TraceStep } from './trace-plan';
import { parseInterface, parseParty, readGatewayCall } from './wire';

export interface EmsDeps {
  app: { ecCompanyId: string; secret: string };
  clock: SandboxClock;
  parcels: ParcelBook;
}

/** yyyy-MM-dd HH:mm:ss in Beijing time, as the platform writes opTime. */
export function opTime(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A step as TRACEQUERY answers it. */
export function traceOf(mailNo: string, step: TraceStep) {
  const { atMs, ...rest } = step;
  return { traceNo: mailNo, opTime: opTime(atMs), ...rest };
}

/**
 * The open platform's one gateway (POST /ems/api/gateway, form-encoded):
 * logistics_interface (JSON), data_digest = base64(md5(logistics_interface +
 * secret)), msg_type, ecCompanyId. msg_type ORDERCREATE posts an item (one
 * per logistics_order_no; mail_no when the sender has a number from its
 * range, else the platform allocates one); TRACEQUERY {waybill_no} answers
 * its traces so far. Answers: {success "true"|"false", errorCode, errorMsg, ...}.
 */
export function emsRoutes(deps: EmsDeps): Router {
  const router = new Router();
  router.post('/ems/api/gateway', async (ctx) => {
    const call = await readGatewayCall(ctx.req);
    if (!call)
      return answer(
        ctx,
        emsFail(EMS_ERRORS.BAD_MESSAGE, '须为表单提交 logistics_interface、data_digest、msg_type、ecCompanyId'),
      );
    if (call.ecCompanyId !== deps.app.ecCompanyId) return answer(ctx, emsFail(EMS_ERRORS.UNKNOWN_COMPANY));
    if (!isEmsDigest(call.logisticsInterface, deps.app.secret, call.dataDigest))
      return answer(ctx, emsFail(EMS_ERRORS.BAD_DIGEST));
    const message = parseInterface(call.logisticsInterface);
    if (!message) return answer(ctx, emsFail(EMS_ERRORS.BAD_MESSAGE, 'logistics_interface 不是 JSON 对象'));
    if (call.msgType === 'ORDERCREATE') return answer(ctx, createOrder(deps, message));
    if (call.msgType === 'TRACEQUERY') return answer(ctx, queryTrace(deps, message));
    return answer(ctx, emsFail(EMS_ERRORS.UNKNOWN_MSG_TYPE, call.msgType));
  });
  return router;
}

function answer(ctx: Context, body: object): void {
  ctx.status = 200;
  ctx.body = body;
}

function createOrder(deps: EmsDeps, message: JsonRecord): object {
  const orderNo = message.logistics_order_no;
  if (typeof orderNo !== 'string' || orderNo.length === 0 || orderNo.length > 50)
    return emsFail(EMS_ERRORS.BAD_MESSAGE, 'logistics_order_no 必填，至多50个字符');
  const mailNo = message.mail_no;
  if (mailNo !== undefined && (typeof mailNo !== 'string' || !MAIL_NO_PATTERN.test(mailNo)))
    return emsFail(EMS_ERRORS.BAD_MAIL_NO);
  const sender = parseParty(message.sender, 'sender');
  if (!sender.ok) return emsFail(EMS_ERRORS.BAD_MESSAGE, sender.problem);
  const receiver = parseParty(message.receiver, 'receiver');
  if (!receiver.ok) return emsFail(EMS_ERRORS.BAD_MESSAGE, receiver.problem);
  const created = deps.parcels.create({
    orderNo,
    ...(mailNo === undefined ? {} : { mailNo }),
    sender: sender.party,
    receiver: receiver.party,
    postedAtMs: deps.clock.nowMs(),
  });
  if (!created.ok) return emsFail(EMS_ERRORS.MAIL_NO_TAKEN);
  return { ...EMS_OK, waybill_no: created.parcel.mailNo, logistics_order_no: created.parcel.orderNo };
}

function queryTrace(deps: EmsDeps, message: JsonRecord): object {
  const mailNo = message.waybill_no;
  if (typeof mailNo !== 'string' || !MAIL_NO_PATTERN.test(mailNo)) return emsFail(EMS_ERRORS.BAD_MAIL_NO);
  const parcel = deps.parcels.find(mailNo);
  if (!parcel) return emsFail(EMS_ERRORS.NO_SUCH_MAIL);
  const traces = stepsDone(parcel, deps.clock.nowMs()).map((step) => traceOf(mailNo, step));
  return { ...EMS_OK, waybill_no: mailNo, traces };
}
