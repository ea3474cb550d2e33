import { z } from 'zod';
import { compactDay, compactTime, legacyEnvelope, numeric, trimmed } from '../legacy-envelope';

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

export const BusinessRecordSchema = z.object({ ywdm: trimmed, ywmc: trimmed, jzlb: trimmed });
export type BusinessRecord = z.infer<typeof BusinessRecordSchema>;

export const HallRecordSchema = z.object({
  dtbh: trimmed,
  dtmc: trimmed,
  qxdm: trimmed,
  qxmc: trimmed,
  dz: trimmed,
  wd: numeric,
  jd: numeric,
  lxdh: trimmed,
  gzsj: z.array(z.object({ xq: trimmed, kssj: compactTime, jssj: compactTime, yc: trimmed })),
  yw: z.array(z.object({ ywdm: trimmed, cks: numeric })),
});
export type HallRecord = z.infer<typeof HallRecordSchema>;

export const QueueRecordSchema = z.object({ ywdm: trimmed, ddrs: numeric, pjblsj: numeric, kfck: numeric });
export type QueueRecord = z.infer<typeof QueueRecordSchema>;

export const SlotRecordSchema = z.object({
  sdbh: trimmed,
  kssj: compactTime,
  jssj: compactTime,
  zrs: numeric,
  yyrs: numeric,
  lszrs: numeric,
  lsyyrs: numeric,
});
export type SlotRecord = z.infer<typeof SlotRecordSchema>;

export const BookingRecordSchema = z.object({
  yybh: trimmed,
  dtbh: trimmed,
  ywdm: trimmed,
  rq: compactDay,
  sdbh: trimmed,
  kssj: compactTime,
  jssj: compactTime,
  zt: trimmed,
  lstd: trimmed,
  cjsj: trimmed,
  sqr: z.object({ xm: trimmed, sfzmhm: trimmed, sjhm: trimmed.optional() }).optional(),
  dlr: z.object({ xm: trimmed, sfzmhm: trimmed }).nullish(),
  qxsj: trimmed.optional(),
});
export type BookingRecord = z.infer<typeof BookingRecordSchema>;

export const TicketRecordSchema = z.object({
  phbh: trimmed,
  zt: trimmed,
  qmrs: numeric,
  yjdd: numeric,
  ck: trimmed.optional(),
  qhsj: trimmed.optional(),
  ywdm: trimmed.optional(),
  dtbh: trimmed.optional(),
  lstd: trimmed.optional(),
});
export type TicketRecord = z.infer<typeof TicketRecordSchema>;

export const StationRecordSchema = z.object({
  zdbh: trimmed,
  lx: trimmed,
  mc: trimmed,
  qxmc: trimmed,
  dz: trimmed,
  wd: numeric,
  jd: numeric,
  yysj: trimmed,
  gn: z.array(trimmed),
});
export type StationRecord = z.infer<typeof StationRecordSchema>;

export const BusinessListResponseSchema = legacyEnvelope(z.object({ list: z.array(BusinessRecordSchema) }));
export const HallListResponseSchema = legacyEnvelope(z.object({ list: z.array(HallRecordSchema) }));
export const QueueResponseSchema = legacyEnvelope(z.object({ gxsj: trimmed, list: z.array(QueueRecordSchema) }));
export const SlotListResponseSchema = legacyEnvelope(z.object({ list: z.array(SlotRecordSchema) }));
export const BookingListResponseSchema = legacyEnvelope(
  z.object({ list: z.array(BookingRecordSchema), sycs: numeric, jzrq: trimmed.optional() }),
);
/** A 6003 refusal's data: the day bookings open again. */
export const BlockedDataSchema = z.object({ jzrq: trimmed });
export const TicketResponseSchema = legacyEnvelope(TicketRecordSchema);
export const StationPageResponseSchema = legacyEnvelope(
  z.object({ total: numeric, list: z.array(StationRecordSchema) }),
);
