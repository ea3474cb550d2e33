import { z } from 'zod';
import { IdNumberSchema, PersonNameSchema } from './identity';
import { ActingMemberIdSchema } from './drafts';

/**
 * Service halls, appointments, queue tickets and self-service stations.
 * Times are Beijing wall-clock: dates yyyy-MM-dd, times HH:mm.
 */

/** A number in a query: `lat=` is no number (z.coerce would read an empty value as 0, off the coast of Africa). */
const queryNumber = (schema: z.ZodNumber) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), schema);
const Latitude = queryNumber(z.number().min(-90).max(90));
const Longitude = queryNumber(z.number().min(-180).max(180));
/** Checked by the refinements below; stated in the contract, where a refinement does not show. */
const POSITION_TOGETHER = { dependentRequired: { lat: ['lng'], lng: ['lat'] } };
const DayParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 yyyy-MM-dd');
const BusinessCode = z.string().regex(/^[A-Z0-9]{2,12}$/, '业务类型不正确');

export const HallIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{2,40}$/, '大厅编号不正确') }).strict();

export const BusinessSchema = z
  .object({
    code: z.string(),
    name: z.string().describe('e.g. 户籍业务, 出入境证件, 驾驶证业务'),
    policeType: z.string().describe('户政, 出入境, 交管 ...'),
  })
  .meta({ id: 'Business' });
export type Business = z.infer<typeof BusinessSchema>;

export const OpeningHoursSchema = z
  .object({
    days: z.string().describe('周一至周五, 周六 ...'),
    from: z.string(),
    to: z.string(),
    extended: z.boolean().describe('Part of the "5+X" extended hours (evenings, weekends)'),
  })
  .meta({ id: 'OpeningHours' });

export const QueueStateSchema = z
  .object({
    business: BusinessSchema,
    waiting: z.number().int().describe('People waiting now'),
    windows: z.number().int().describe('Windows serving this business now'),
    averageMinutes: z.number().describe('Average handling time per person'),
    estimatedWaitMinutes: z.number().int(),
  })
  .meta({ id: 'QueueState' });
export type QueueState = z.infer<typeof QueueStateSchema>;

export const HallClosedSchema = z
  .object({
    reason: z
      .enum(['not-yet', 'after-hours', 'day-off'])
      .describe('not-yet: opens later today; after-hours: today’s hours are over; day-off: not open today'),
    nextOpenAt: z
      .string()
      .optional()
      .describe('yyyy-MM-ddTHH:mm+08:00, the next opening within a week; absent when none'),
  })
  .meta({ id: 'HallClosed' });
export type HallClosed = z.infer<typeof HallClosedSchema>;

export const HallSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    district: z.string(),
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    phone: z.string(),
    openNow: z.boolean(),
    closed: HallClosedSchema.optional().describe('Why it is closed now and when it opens next; absent while open'),
    distanceKm: z.number().optional().describe('From the given position, when one was given'),
    estimatedWaitMinutes: z
      .number()
      .int()
      .optional()
      .describe(
        'For the asked business (or the longest of the hall when none); absent when the queue is unknown or the hall closed',
      ),
    businesses: z.array(BusinessSchema),
  })
  .meta({ id: 'HallSummary' });
export type HallSummary = z.infer<typeof HallSummarySchema>;

export const HallDetailSchema = HallSummarySchema.extend({
  hours: z.array(OpeningHoursSchema),
  queues: z.array(QueueStateSchema).describe('Live; empty when the queue system cannot be reached'),
  queueUpdatedAt: z.string().optional(),
}).meta({ id: 'HallDetail' });
export type HallDetail = z.infer<typeof HallDetailSchema>;

export const HallListQuerySchema = z
  .object({
    lat: Latitude.optional(),
    lng: Longitude.optional(),
    district: z.string().max(20).optional().describe('区 name, when the position is not known'),
    business: BusinessCode.optional(),
  })
  .strict()
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '经纬度须同时提供', path: ['lat'] })
  .meta(POSITION_TOGETHER);
export type HallListQuery = z.infer<typeof HallListQuerySchema>;

export const HallListSchema = z
  .object({ items: z.array(HallSummarySchema), businesses: z.array(BusinessSchema) })
  .meta({ id: 'HallList' });
export type HallList = z.infer<typeof HallListSchema>;

export const HallRecommendQuerySchema = z.object({ business: BusinessCode, lat: Latitude, lng: Longitude }).strict();
export type HallRecommendQuery = z.infer<typeof HallRecommendQuerySchema>;

export const HallRecommendationSchema = z
  .object({
    hall: HallSummarySchema,
    travelMinutes: z.number().int(),
    waitMinutes: z.number().int(),
    totalMinutes: z.number().int(),
    reason: z.string().describe('e.g. 距离 2.1 公里，约 9 分钟车程；当前排队 3 人，预计等候 12 分钟，总用时最短'),
    alternatives: z.array(
      z.object({
        hall: HallSummarySchema,
        totalMinutes: z.number().int(),
        travelMinutes: z.number().int(),
        waitMinutes: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'HallRecommendation' });
export type HallRecommendation = z.infer<typeof HallRecommendationSchema>;

export const SlotQuerySchema = z
  .object({
    business: BusinessCode,
    date: DayParam.optional().describe('Absent: the first bookable day (the phone’s own clock may be wrong)'),
  })
  .strict();
export type SlotQuery = z.infer<typeof SlotQuerySchema>;

export const SlotSchema = z
  .object({
    id: z.string(),
    from: z.string(),
    to: z.string(),
    capacity: z.number().int(),
    remaining: z.number().int().describe('Places left for everyone'),
    greenRemaining: z.number().int().describe('Places kept for the 60+ green channel'),
    available: z.boolean(),
    past: z.boolean().describe('The slot has started (today): over, not full'),
  })
  .meta({ id: 'Slot' });
export type Slot = z.infer<typeof SlotSchema>;

export const SlotListSchema = z
  .object({
    hallId: z.string(),
    business: BusinessSchema,
    date: z.string(),
    bookableDates: z
      .array(z.string())
      .describe('The days that can be booked (today up to 7 days ahead, open days only)'),
    items: z.array(SlotSchema),
  })
  .meta({ id: 'SlotList' });
export type SlotList = z.infer<typeof SlotListSchema>;

/** Booking for someone else: who they are, and that they agreed. */
export const BookingForSchema = z
  .object({
    name: PersonNameSchema,
    idNumber: IdNumberSchema,
    phone: z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码'),
    relation: z.string().trim().min(1).max(20).describe('与本人关系, e.g. 父母'),
    consent: z.literal(true, { error: '代他人预约须取得其本人同意' }),
  })
  .strict();

export const AppointmentRequestSchema = z
  .object({
    hallId: z.string().min(2).max(40),
    business: BusinessCode,
    date: DayParam,
    slotId: z.string().min(1).max(40),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码')
      .optional()
      .describe('For the SMS notices; absent: the account’s own (verified at login)'),
    for: BookingForSchema.optional().describe('Absent: for myself'),
    memberId: ActingMemberIdSchema.optional().describe(
      'For a family member (我的家人) instead of `for`: their register identity, my authority checked; absent: for myself',
    ),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.for && value.memberId) {
      ctx.addIssue({ code: 'custom', path: ['memberId'], message: '为家人预约与为他人预约二选一' });
    }
  })
  // The refinement above, stated in the contract: `for` and `memberId` never together.
  .meta({ id: 'AppointmentRequest', not: { required: ['for', 'memberId'] } });
export type AppointmentRequest = z.infer<typeof AppointmentRequestSchema>;

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'checked-in', 'missed'] as const;

export const AppointmentSchema = z
  .object({
    id: z.string().describe('预约号 (booking number)'),
    status: z.enum(APPOINTMENT_STATUSES),
    statusText: z.string(),
    hall: z.object({ id: z.string(), name: z.string(), address: z.string(), phone: z.string() }),
    business: BusinessSchema,
    date: z.string(),
    from: z.string(),
    to: z.string(),
    personName: z.string().describe('Masked unless it is me'),
    personIdMasked: z.string(),
    forSomeoneElse: z.boolean(),
    greenChannel: z.boolean().describe('60+ 绿色通道'),
    createdAt: z.string(),
    canCancel: z.boolean(),
    canReschedule: z.boolean(),
    qr: z
      .object({ payload: z.string(), expiresAt: z.string() })
      .optional()
      .describe('Shown at the hall to sign in; only for a booking still to come'),
  })
  .meta({ id: 'Appointment' });
export type Appointment = z.infer<typeof AppointmentSchema>;

export const AppointmentListSchema = z
  .object({
    items: z.array(AppointmentSchema),
    noShows: z.number().int().describe('Bookings missed (爽约) within the window; cancellations never count'),
    noShowLimit: z.number().int().describe('This many no-shows within the window block new bookings'),
    noShowWindowDays: z.number().int(),
    blockedUntil: z.string().optional().describe('yyyy-MM-dd: too many no-shows, no new bookings until then'),
  })
  .meta({ id: 'AppointmentList' });
export type AppointmentList = z.infer<typeof AppointmentListSchema>;

export const AppointmentIdParamsSchema = z
  .object({ id: z.string().regex(/^[A-Za-z0-9-]{6,40}$/, '预约号不正确') })
  .strict();

export const RescheduleRequestSchema = z
  .object({ date: DayParam, slotId: z.string().min(1).max(40) })
  .strict()
  .meta({ id: 'RescheduleRequest' });
export type RescheduleRequest = z.infer<typeof RescheduleRequestSchema>;

export const TicketRequestSchema = z
  .object({
    business: BusinessCode,
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码')
      .optional()
      .describe('For the SMS reminder; absent: the account’s own (verified at login)'),
  })
  .strict()
  .meta({ id: 'TicketRequest' });
export type TicketRequest = z.infer<typeof TicketRequestSchema>;

export const TicketSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('排队号, e.g. A023'),
    hall: z.object({ id: z.string(), name: z.string() }),
    business: BusinessSchema,
    status: z.enum(['waiting', 'called', 'missed', 'done']),
    statusText: z.string(),
    ahead: z.number().int().describe('People before me'),
    estimatedWaitMinutes: z.number().int(),
    window: z.string().optional().describe('The window calling me, once called'),
    greenChannel: z.boolean(),
    takenAt: z.string(),
  })
  .meta({ id: 'Ticket' });
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketIdParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{4,40}$/) }).strict();

export const StationQuerySchema = z
  .object({
    lat: Latitude.optional(),
    lng: Longitude.optional(),
    service: z.string().max(20).optional().describe('e.g. 港澳签注, 驾驶证补换, 身份证自助拍照'),
    kind: z.enum(['station', 'terminal', 'all']).default('all'),
    page: z.coerce.number().int().min(1).max(100).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict()
  .refine((q) => (q.lat === undefined) === (q.lng === undefined), { message: '经纬度须同时提供', path: ['lat'] })
  .meta(POSITION_TOGETHER);
export type StationQuery = z.infer<typeof StationQuerySchema>;

export const StationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['station', 'terminal']).describe('24 小时自助服务站, or terminals of one model at one place'),
    name: z.string(),
    district: z.string(),
    address: z.string(),
    lat: z.number(),
    lng: z.number(),
    hours: z.string(),
    services: z.array(z.string()),
    machines: z.array(z.string()).describe('终端编号 of the machines there (a station’s own, or the model’s)'),
    distanceKm: z.number().optional(),
  })
  .meta({ id: 'Station' });
export type Station = z.infer<typeof StationSchema>;

export const StationListSchema = z
  .object({
    items: z.array(StationSchema),
    total: z.number().int(),
    page: z.number().int(),
    hasMore: z.boolean(),
    services: z.array(z.string()).describe('Every service a station or terminal offers, for the filter'),
  })
  .meta({ id: 'StationList' });
export type StationList = z.infer<typeof StationListSchema>;
