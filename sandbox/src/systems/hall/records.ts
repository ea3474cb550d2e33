/** What the hall system keeps: bookings (预约) and queue tickets (排队号), in its field names. */

export interface Applicant {
  xm: string;
  sfzmhm: string;
  sjhm: string;
}

/** Who booked for the applicant (代办人). */
export interface BookingAgent {
  xm: string;
  sfzmhm: string;
}

/** 1 有效, 2 已取消, 3 已签到, 4 爽约. */
export type BookingStatus = '1' | '2' | '3' | '4';
export type Flag = '0' | '1';

export interface Booking {
  yybh: string;
  /** The caller's request number (外部编号): the same wbbh never makes a second booking. */
  wbbh: string;
  dtbh: string;
  ywdm: string;
  rq: string;
  sdbh: string;
  kssj: string;
  jssj: string;
  startMs: number;
  endMs: number;
  zt: BookingStatus;
  /** Asked for the 60+ green channel. */
  lstd: Flag;
  /** Holds one of the slot's green-channel places (else a regular one). */
  greenPlace: boolean;
  sqr: Applicant;
  dlr?: BookingAgent;
  /** yyyyMMddHHmmss */
  cjsj: string;
  qxsj?: string;
  qdsj?: string;
  /** Creation order, for "newest first" within one second. */
  seq: number;
}

/** 1 等候, 2 叫号, 3 过号, 4 完成. */
export type TicketStatus = '1' | '2' | '3' | '4';

export interface Ticket {
  phbh: string;
  wbbh: string;
  dtbh: string;
  ywdm: string;
  sfzmhm: string;
  sjhm: string;
  lstd: Flag;
  /** yyyyMMddHHmmss */
  qhsj: string;
  /** People ahead when it was taken, and the pace then (the queue serves them at that pace). */
  ahead: number;
  kfck: number;
  pjblsj: number;
  /** When serving starts for it (taken before opening: the opening), and when the day's hours end. */
  serveFromMs: number;
  closeMs: number;
  /** Called by staff (control route); otherwise it is called when everyone ahead is served. */
  call?: { ck: string; atMs: number };
  seq: number;
}
