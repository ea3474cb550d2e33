import { maskName, maskPhone } from '@suijing/shared';
import Router from '@koa/router';
import { controlError } from '../../control/reply';
import type { SandboxClock } from '../../core/clock';
import type { Parcel, ParcelBook } from './parcels';
import { opTime, traceOf } from './routes';
import { DELIVERED_OP_CODE, stepsDone } from './trace-plan';

/**
 * Sandbox-only helpers of EMS, mounted under /sandbox/ems (plain JSON; receivers masked):
 * GET  /parcels                 -> {items: [{mailNo, orderNo, postedAt, delivered}]}, newest first
 * GET  /parcels/:mailNo         -> {mailNo, orderNo, receiver: {name, phone, region}, postedAt, delivered, traces}
 * POST /parcels/:mailNo/deliver -> the same, handed over now: the steps not yet done happen by now (妥投 last).
 *                                  409 when it was delivered already. 404 for an unknown number.
 */
export function emsControlRoutes(deps: { parcels: ParcelBook; clock: SandboxClock }): Router {
  const { parcels, clock } = deps;
  const router = new Router();

  const view = (parcel: Parcel) => {
    const traces = stepsDone(parcel, clock.nowMs());
    return {
      mailNo: parcel.mailNo,
      orderNo: parcel.orderNo,
      receiver: {
        name: maskName(parcel.receiver.name),
        phone: maskPhone(parcel.receiver.mobile),
        region: `${parcel.receiver.prov}${parcel.receiver.city}${parcel.receiver.county}`,
      },
      postedAt: opTime(parcel.postedAtMs),
      delivered: traces.at(-1)?.opCode === DELIVERED_OP_CODE,
      traces: traces.map((step) => traceOf(parcel.mailNo, step)),
    };
  };

  router.get('/parcels', (ctx) => {
    const items = parcels
      .list()
      .sort((a, b) => b.postedAtMs - a.postedAtMs)
      .map((parcel) => {
        const { mailNo, orderNo, postedAt, delivered } = view(parcel);
        return { mailNo, orderNo, postedAt, delivered };
      });
    ctx.body = { items };
  });

  router.get('/parcels/:mailNo', (ctx) => {
    const parcel = parcels.find(ctx.params.mailNo ?? '');
    if (!parcel) return controlError(ctx, 404, 'NOT_FOUND', 'no mail item with this number');
    ctx.body = view(parcel);
  });

  router.post('/parcels/:mailNo/deliver', (ctx) => {
    const parcel = parcels.find(ctx.params.mailNo ?? '');
    if (!parcel) return controlError(ctx, 404, 'NOT_FOUND', 'no mail item with this number');
    if (view(parcel).delivered) return controlError(ctx, 409, 'CONFLICT', 'the item was delivered already');
    parcel.signedAtMs = clock.nowMs();
    ctx.body = view(parcel);
  });

  return router;
}
