import {
  compactFromIsoDay,
  fromCompactDateTime,
  isoDayFromCompact,
  type Business,
  type Slot,
  type Station,
} from '@suijing/shared';
import { HALL_CODES } from './hall.dialect';
import type {
  BookingRecord,
  BusinessRecord,
  HallRecord,
  QueueRecord,
  SlotRecord,
  StationRecord,
  TicketRecord,
} from './hall.dialect';
import type {
  Booking,
  BookingRequest,
  Hall,
  HallRefusalReason,
  OpeningPeriod,
  Queue,
  QueueTicket,
  SelfServicePlace,
  TicketRequest,
} from './hall.types';

/** Translation between the queuing system's dialect and our words. */

/** HHmm -> HH:mm */
const clock = (hhmm: string) => `${hhmm.slice(0, 2)}:${hhmm.slice(2, 4)}`;
const flag = (on: boolean): '0' | '1' => (on ? '1' : '0');

export function toBusiness(record: BusinessRecord): Business {
  return { code: record.ywdm, name: record.ywmc, policeType: record.jzlb };
}

/** "1-5", "6", "6,7" (1 = Monday) -> the weekdays. */
export function weekdaysOf(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [from, to] = part.split('-').map(Number);
    if (from === undefined || !Number.isInteger(from)) return [];
    const last = to !== undefined && Number.isInteger(to) ? to : from;
    return Array.from({ length: Math.max(0, last - from + 1) }, (_, i) => from + i).filter((d) => d >= 1 && d <= 7);
  });
}

export function toOpeningPeriod(record: HallRecord['gzsj'][number]): OpeningPeriod {
  return {
    weekdays: weekdaysOf(record.xq),
    from: clock(record.kssj),
    to: clock(record.jssj),
    extended: record.yc === '1',
  };
}

export function toHall(record: HallRecord): Hall {
  return {
    id: record.dtbh,
    name: record.dtmc,
    district: record.qxmc,
    address: record.dz,
    lat: record.wd,
    lng: record.jd,
    phone: record.lxdh,
    hours: record.gzsj.map(toOpeningPeriod),
    businesses: record.yw.map((y) => y.ywdm),
  };
}

export function toQueue(record: QueueRecord): Queue {
  return { business: record.ywdm, waiting: record.ddrs, averageMinutes: record.pjblsj, windows: record.kfck };
}

/** yyyyMMddHHmmss -> yyyy-MM-ddTHH:mm:ss+08:00; anything else as the system wrote it. */
export function isoStamp(stamp: string): string {
  return /^\d{14}$/.test(stamp)
    ? `${isoDayFromCompact(stamp.slice(0, 8))}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}+08:00`
    : stamp;
}

/**
 * A slot's places: the system counts all places and booked ones, and among
 * them those kept for the 60+ green channel; we show each kind on its own.
 */
export function toSlot(record: SlotRecord): Slot {
  const regular = Math.max(0, record.zrs - record.lszrs);
  const regularBooked = Math.max(0, record.yyrs - record.lsyyrs);
  const remaining = Math.max(0, regular - regularBooked);
  return {
    id: record.sdbh,
    from: clock(record.kssj),
    to: clock(record.jssj),
    capacity: record.zrs,
    remaining,
    greenRemaining: Math.max(0, record.lszrs - record.lsyyrs),
    available: remaining > 0,
    past: false,
  };
}

/** 1 预约 2 取消 3 签到 4 爽约 */
const BOOKING_STATUS: Record<string, Booking['status']> = {
  '1': 'booked',
  '2': 'cancelled',
  '3': 'checked-in',
  '4': 'missed',
};

export function toBooking(record: BookingRecord): Booking {
  const startsAt = fromCompactDateTime(`${record.rq}${record.kssj}00`);
  const endsAt = fromCompactDateTime(`${record.rq}${record.jssj}00`);
  const createdAt = fromCompactDateTime(record.cjsj);
  return {
    id: record.yybh,
    hallId: record.dtbh,
    business: record.ywdm,
    date: isoDayFromCompact(record.rq),
    slotId: record.sdbh,
    from: clock(record.kssj),
    to: clock(record.jssj),
    status: BOOKING_STATUS[record.zt] ?? 'booked',
    ...(record.sqr ? { person: { name: record.sqr.xm, idNumber: record.sqr.sfzmhm } } : {}),
    greenChannel: record.lstd === '1',
    ...(createdAt ? { createdAt } : {}),
    ...(startsAt ? { startsAt } : {}),
    ...(endsAt ? { endsAt } : {}),
  };
}

export function toBookingSubmission(request: BookingRequest) {
  return {
    wbbh: request.requestNo,
    dtbh: request.hallId,
    ywdm: request.business,
    rq: compactFromIsoDay(request.date),
    sdbh: request.slotId,
    sqr: { xm: request.person.name, sfzmhm: request.person.idNumber, sjhm: request.person.phone },
    ...(request.agent ? { dlr: { xm: request.agent.name, sfzmhm: request.agent.idNumber } } : {}),
    lstd: flag(request.greenChannel),
  };
}

export function toRescheduleSubmission(idNumber: string, date: string, slotId: string) {
  return { sfzmhm: idNumber, rq: compactFromIsoDay(date), sdbh: slotId };
}

/**
 * What a hall scanner reads from the sign-in QR once unsealed: the booking in
 * the system's own fields, so the hall can find it without asking us.
 */
export function signInClaim(booking: Booking): string {
  return JSON.stringify({
    yybh: booking.id,
    dtbh: booking.hallId,
    rq: compactFromIsoDay(booking.date),
    sd: booking.slotId,
  });
}

/** 1 排队中 2 叫号 3 过号 4 办结 */
const TICKET_STATUS: Record<string, QueueTicket['status']> = {
  '1': 'waiting',
  '2': 'called',
  '3': 'missed',
  '4': 'done',
};

export function toQueueTicket(record: TicketRecord): QueueTicket {
  const takenAt = record.qhsj ? fromCompactDateTime(record.qhsj) : undefined;
  return {
    number: record.phbh,
    status: TICKET_STATUS[record.zt] ?? 'waiting',
    ahead: record.qmrs,
    estimatedWaitMinutes: record.yjdd,
    ...(record.ck ? { window: record.ck } : {}),
    ...(takenAt ? { takenAt } : {}),
    ...(record.ywdm ? { business: record.ywdm } : {}),
    greenChannel: record.lstd === '1',
  };
}

export function toTicketSubmission(request: TicketRequest) {
  return {
    wbbh: request.requestNo,
    ywdm: request.business,
    sfzmhm: request.idNumber,
    sjhm: request.phone,
    lstd: flag(request.greenChannel),
  };
}

/** The refusals a booking, a move, a cancellation or a ticket may meet, by the system's code. */
export const HALL_REFUSALS: Readonly<Record<string, HallRefusalReason>> = {
  [HALL_CODES.FULL]: 'full',
  [HALL_CODES.DUPLICATE]: 'duplicate',
  [HALL_CODES.BLOCKED]: 'blocked',
  [HALL_CODES.NO_SLOT]: 'no-slot',
  [HALL_CODES.OUT_OF_RANGE]: 'out-of-range',
  [HALL_CODES.NO_BOOKING]: 'no-booking',
  [HALL_CODES.NOT_HANDLED]: 'not-handled',
  [HALL_CODES.CANNOT_CANCEL]: 'cannot-cancel',
  [HALL_CODES.NO_HALL]: 'no-hall',
  [HALL_CODES.TICKET_CLOSED]: 'ticket-closed',
  [HALL_CODES.NO_TICKET]: 'no-ticket',
};

/**
 * The self-service system lists machines, one record each: a hall with six
 * 身份证自助拍照机 is six identical lines, and a 24 小时自助服务站's machines
 * repeat the station. A citizen looks for places, so machines of one model at
 * one place are one entry and a station's machines are the station's, each
 * entry with its machines' numbers (终端编号).
 */
export function toSelfServicePlaces(records: readonly StationRecord[]): SelfServicePlace[] {
  const where = (r: StationRecord) => `${r.dz}|${r.wd}|${r.jd}`;
  const view = (r: StationRecord, kind: Station['kind']): SelfServicePlace => ({
    id: r.zdbh,
    kind,
    name: r.mc,
    district: r.qxmc,
    address: r.dz,
    lat: r.wd,
    lng: r.jd,
    hours: r.yysj,
    services: [...r.gn],
    machines: [],
  });
  const stations = new Map<string, SelfServicePlace>();
  for (const record of records) if (record.lx === 'zzz') stations.set(where(record), view(record, 'station'));
  const groups = new Map<string, SelfServicePlace>();
  for (const record of records) {
    if (record.lx === 'zzz') continue;
    const station = stations.get(where(record));
    if (station) {
      station.machines.push(record.zdbh);
      station.services = [...new Set([...station.services, ...record.gn])];
      continue;
    }
    const key = `${where(record)}|${record.mc}`;
    const group = groups.get(key) ?? view(record, 'terminal');
    group.machines.push(record.zdbh);
    groups.set(key, group);
  }
  const places = [...stations.values(), ...groups.values()];
  for (const place of places) place.machines.sort();
  return places;
}
