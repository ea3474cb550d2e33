import type { SlotView } from './booking-book';
import type { QueueState } from './queue';
import type { Booking } from './records';
import type { SelfService } from './stations';
import type { TicketView } from './ticket-desk';
import type { Hall, HallTables } from './tables';

/**
 * Records as the hall system serves them: every value a string (numbers
 * too, as the legacy systems do; coordinates keep their digits) and the
 * internal parts (instants, place kind, sequence) left out.
 */
export function hallOnWire(hall: Hall, districts: ReadonlyMap<string, string>) {
  return {
    dtbh: hall.dtbh,
    dtmc: hall.dtmc,
    qxdm: hall.qxdm,
    qxmc: districts.get(hall.qxdm) ?? '',
    dz: hall.dz,
    wd: hall.wd.toFixed(4),
    jd: hall.jd.toFixed(4),
    lxdh: hall.lxdh,
    gzsj: hall.gzsj.map((line) => ({ ...line })),
    yw: hall.yw.map((business) => ({ ywdm: business.ywdm, cks: String(business.cks) })),
  };
}

export function businessOnWire(business: HallTables['businesses'][number]) {
  return { ywdm: business.ywdm, ywmc: business.ywmc, jzlb: business.jzlb };
}

export function queueOnWire(queue: { ywdm: string } & QueueState) {
  return { ywdm: queue.ywdm, ddrs: String(queue.ddrs), pjblsj: String(queue.pjblsj), kfck: String(queue.kfck) };
}

export function slotOnWire(slot: SlotView) {
  return {
    sdbh: slot.sdbh,
    kssj: slot.kssj,
    jssj: slot.jssj,
    zrs: String(slot.zrs),
    yyrs: String(slot.yyrs),
    lszrs: String(slot.lszrs),
    lsyyrs: String(slot.lsyyrs),
  };
}

export function bookingOnWire(booking: Booking, names: { dtmc: string; ywmc: string }) {
  return {
    yybh: booking.yybh,
    dtbh: booking.dtbh,
    dtmc: names.dtmc,
    ywdm: booking.ywdm,
    ywmc: names.ywmc,
    rq: booking.rq,
    sdbh: booking.sdbh,
    kssj: booking.kssj,
    jssj: booking.jssj,
    zt: booking.zt,
    lstd: booking.lstd,
    sqr: { ...booking.sqr },
    ...(booking.dlr ? { dlr: { ...booking.dlr } } : {}),
    cjsj: booking.cjsj,
    ...(booking.qxsj ? { qxsj: booking.qxsj } : {}),
    ...(booking.qdsj ? { qdsj: booking.qdsj } : {}),
  };
}

export function selfServiceOnWire(place: SelfService) {
  return { ...place, wd: place.wd.toFixed(4), jd: place.jd.toFixed(4), gn: [...place.gn] };
}

export function ticketOnWire(ticket: TicketView) {
  return {
    phbh: ticket.phbh,
    dtbh: ticket.dtbh,
    ywdm: ticket.ywdm,
    qhsj: ticket.qhsj,
    zt: ticket.zt,
    qmrs: String(ticket.qmrs),
    yjdd: String(ticket.yjdd),
    ...(ticket.ck ? { ck: ticket.ck } : {}),
  };
}
