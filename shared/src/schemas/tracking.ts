import { z } from 'zod';

/** The steps of a mail item's way, in our words. */
export const PARCEL_EVENT_KINDS = [
  'posted',
  'sorting',
  'in-transit',
  'at-delivery-office',
  'out-for-delivery',
  'delivered',
  'other',
] as const;
export const ParcelEventKindSchema = z.enum(PARCEL_EVENT_KINDS);
export type ParcelEventKind = z.infer<typeof ParcelEventKindSchema>;

export const ParcelEventSchema = z
  .object({
    time: z.string().describe('ISO time of the step'),
    place: z.string().describe('The office or centre, e.g. 广州邮件处理中心'),
    text: z.string().describe('已收寄, 到达处理中心, 离开处理中心，发往下一站, 到达投递局, 正在派送, 已签收'),
    kind: ParcelEventKindSchema,
  })
  .meta({ id: 'ParcelEvent' });
export type ParcelEvent = z.infer<typeof ParcelEventSchema>;

export const CaseTrackingSchema = z
  .object({
    carrier: z.literal('EMS'),
    trackingNo: z.string(),
    available: z.boolean().describe('false when EMS could not be asked just now: the events are missing, not none'),
    delivered: z.boolean().describe('The item has been signed for'),
    events: z.array(ParcelEventSchema).describe('Oldest first'),
  })
  .meta({ id: 'CaseTracking' });
export type CaseTracking = z.infer<typeof CaseTrackingSchema>;
