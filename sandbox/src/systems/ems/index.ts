import { fromCompactDateTime } from '@suijing/shared';
import type { SystemFactory } from '../../core/system';
import { emsControlRoutes } from './control.routes';
import { EMS_ERRORS, emsFail } from './errors';
import { ParcelBook, type Party } from './parcels';
import { emsRoutes } from './routes';

/** Where the approval system posts certificates from: its 大客户 counter at the city's 政务服务中心. */
export const APPROVAL_SENDER: Party = {
  name: '广州市公安局政务服务中心',
  mobile: '020-83118110',
  prov: '广东省',
  city: '广州市',
  county: '天河区',
  address: '天河路118号政务服务中心一楼EMS收寄点',
};

/**
 * EMS (中国邮政速递物流) open platform as a 协议客户 sees it: one form-encoded
 * gateway signed with data_digest (ORDERCREATE, TRACEQUERY) and mail items
 * whose traces advance with the sandbox clock. The approval system posts a
 * case's certificate here when it delivers by post (the caseMailed event).
 */
export const createEmsSystem: SystemFactory = (kit) => {
  const parcels = new ParcelBook(kit.options.seed);
  kit.events.on('caseMailed', (event) => {
    const { receiver } = event;
    parcels.create({
      orderNo: event.bjbh,
      mailNo: event.mailNo,
      sender: APPROVAL_SENDER,
      receiver: {
        name: receiver.name,
        mobile: receiver.phone,
        prov: receiver.province,
        city: receiver.city,
        county: receiver.district,
        address: receiver.address,
      },
      postedAtMs: (fromCompactDateTime(event.postedAt) ?? kit.clock.now()).getTime(),
    });
  });
  return {
    name: 'ems',
    prefixes: ['/ems'],
    routes: emsRoutes({ app: kit.options.ems, clock: kit.clock, parcels }),
    controlRoutes: emsControlRoutes({ parcels, clock: kit.clock }),
    failure: () => ({ status: 503, body: emsFail(EMS_ERRORS.BUSY) }),
    badRequest: () => ({ status: 200, body: emsFail(EMS_ERRORS.BAD_MESSAGE) }),
    reset: () => parcels.clear(),
  };
};
