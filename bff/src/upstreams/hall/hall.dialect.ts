import { z } from 'zod';

/**
 * The halls' booking and queuing system (预约叫号平台) behind the
 * data-exchange platform: legacy envelope, `X-App-Key`, yyyyMMdd dates and
 * HHmm times in Beijing time, every value a string.
 *
 *   GET  /hall/v1/yw                                  -> {list: [business]}
 *   GET  /hall/v1/dt                                  -> {list: [hall]}
 *   GET  /hall/v1/dt/:dtbh/pd                         -> {gxsj, list: [queue]}
 *   GET  /hall/v1/dt/:dtbh/hy?ywdm=&rq=               -> {list: [slot]}
 *   POST /hall/v1/yy {wbbh, dtbh, ywdm, rq, sdbh, sqr, dlr?, lstd} -> booking (wbbh deduplicates)
 *   GET  /hall/v1/yy?sfzmhm=                          -> {list, sycs (爽约 in 90 days), jzrq?}
 *   POST /hall/v1/yy/:yybh/qx {sfzmhm}                -> booking (cancelled)
 *   POST /hall/v1/yy/:yybh/gq {sfzmhm, rq, sdbh}      -> booking (moved)
 *   POST /hall/v1/dt/:dtbh/qh {wbbh, ywdm, sfzmhm, sjhm, lstd} -> ticket
 *   GET  /hall/v1/qh/:phbh?dtbh=&sfzmhm=              -> ticket
 *   GET  /hall/v1/zzd?lx=&pageNo=&pageSize=           -> {total, list: [station]}
 */

export const HALL_CODES = {
  OK: '0000',
  BAD_PARAMS: '4000',
  FULL: '6001',
  DUPLICATE: '6002',
  BLOCKED: '6003',
  NO_SLOT: '6004',
  OUT_OF_RANGE: '6005',
  NO_BOOKING: '6006',
  NOT_HANDLED: '6007',
  CANNOT_CANCEL: '6008',
  TICKET_CLOSED: '6101',
  NO_TICKET: '6102',
  NO_HALL: '6404',
} as const;

const text = z.string().transform((value) => value.trim());
const count = z
  .union([z.string(), z.number()])
  .transform((value) => Number(value))
  .pipe(z.number().finite());
const compactDate = text.pipe(z.string().regex(/^\d{8}$/));
const hhmm = text.pipe(z.string().regex(/^\d{4}$/));

const envelope = <T extends z.ZodType>(data: T) =>
  z.object({ code: z.string(), msg: z.string().optional(), data: data.nullish() });

export const BusinessRecordSchema = z.object({ ywdm: text, ywmc: text, jzlb: text });
export type BusinessRecord = z.infer<typeof BusinessRecordSchema>;

export const HallRecordSchema = z.object({
  dtbh: text,
  dtmc: text,
  qxdm: text,
  qxmc: text,
  dz: text,
  wd: count,
  jd: count,
  lxdh: text,
  gzsj: z.array(z.object({ xq: text, kssj: hhmm, jssj: hhmm, yc: text })),
  yw: z.array(z.object({ ywdm: text, cks: count })),
});
export type HallRecord = z.infer<typeof HallRecordSchema>;

export const QueueRecordSchema = z.object({ ywdm: text, ddrs: count, pjblsj: count, kfck: count });
export type QueueRecord = z.infer<typeof QueueRecordSchema>;

export const SlotRecordSchema = z.object({
  sdbh: text,
  kssj: hhmm,
  jssj: hhmm,
  zrs: count,
  yyrs: count,
  lszrs: count,
  lsyyrs: count,
});
export type SlotRecord = z.infer<typeof SlotRecordSchema>;

export const BookingRecordSchema = z.object({
  yybh: text,
  dtbh: text,
  ywdm: text,
  rq: compactDate,
  sdbh: text,
  kssj: hhmm,
  jssj: hhmm,
  zt: text,
  lstd: text,
  cjsj: text,
  sqr: z.object({ xm: text, sfzmhm: text, sjhm: text.optional() }).optional(),
  dlr: z.object({ xm: text, sfzmhm: text }).nullish(),
  qxsj: text.optional(),
});
export type BookingRecord = z.infer<typeof BookingRecordSchema>;

export const TicketRecordSchema = z.object({
  phbh: text,
  zt: text,
  qmrs: count,
  yjdd: count,
  ck: text.optional(),
  qhsj: text.optional(),
  ywdm: text.optional(),
  dtbh: text.optional(),
  lstd: text.optional(),
});
export type TicketRecord = z.infer<typeof TicketRecordSchema>;

export const StationRecordSchema = z.object({
  zdbh: text,
  lx: text,
  mc: text,
  qxmc: text,
  dz: text,
  wd: count,
  jd: count,
  yysj: text,
  gn: z.array(text),
});
export type StationRecord = z.infer<typeof StationRecordSchema>;

export const BusinessListResponseSchema = envelope(z.object({ list: z.array(BusinessRecordSchema) }));
export const HallListResponseSchema = envelope(z.object({ list: z.array(HallRecordSchema) }));
export const QueueResponseSchema = envelope(z.object({ gxsj: text, list: z.array(QueueRecordSchema) }));
export const SlotListResponseSchema = envelope(z.object({ list: z.array(SlotRecordSchema) }));
/** Booking answers: the booking, or a refusal that may carry data (6003 with the date bookings open again). */
export const BookingAnswerSchema = z.object({
  code: z.string(),
  msg: z.string().optional(),
  data: z.unknown().optional(),
});
export const BookingListResponseSchema = envelope(
  z.object({ list: z.array(BookingRecordSchema), sycs: count, jzrq: text.optional() }),
);
export const BlockedDataSchema = z.object({ jzrq: text });
export const TicketResponseSchema = envelope(TicketRecordSchema);
export const StationPageResponseSchema = envelope(z.object({ total: count, list: z.array(StationRecordSchema) }));
