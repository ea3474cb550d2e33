import { z } from 'zod';
import { ItemCodeSchema } from './catalog';
import { FormDataSchema } from './drafts';

/** 办件编号 as the approval system assigns it: yyyyMMdd + area 4401 + 10 random digits. */
export const CaseNoSchema = z
  .string()
  .trim()
  .regex(/^\d{8}4401\d{10}$/, '办件编号应为 22 位数字')
  .describe('Case number (办件编号)');

export const CaseNoParamsSchema = z.object({ caseNo: CaseNoSchema }).strict();

/** An idempotency key: any client-chosen string of 8-64 safe characters (a UUID is typical). */
export const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求标识 (Idempotency-Key) 不正确');

export const MaterialRefSchema = z.discriminatedUnion('source', [
  z
    .object({
      name: z.string().min(1).max(100).describe('The material as the guide names it'),
      source: z.literal('upload'),
      materialId: z.string().min(1).max(64),
    })
    .strict(),
  z
    .object({
      name: z.string().min(1).max(100),
      source: z.literal('elicence'),
      licenceId: z.string().min(1).max(64),
    })
    .strict(),
]);
export type MaterialRef = z.infer<typeof MaterialRefSchema>;

export const ApplicationSubmitRequestSchema = z
  .object({
    itemCode: ItemCodeSchema,
    formVersion: z.string().max(40),
    data: FormDataSchema,
    materials: z.array(MaterialRefSchema).max(30),
  })
  .strict()
  .meta({ id: 'ApplicationSubmitRequest' });
export type ApplicationSubmitRequest = z.infer<typeof ApplicationSubmitRequestSchema>;

export const APPLICATION_STATUSES = [
  'submitted',
  'accepted',
  'reviewing',
  'supplement',
  'approved',
  'rejected',
  'delivered',
  'withdrawn',
] as const;
export const ApplicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatus = z.infer<typeof ApplicationStatusSchema>;

export const ApplicationSummarySchema = z
  .object({
    caseNo: z.string(),
    itemCode: z.string(),
    itemName: z.string(),
    status: ApplicationStatusSchema,
    statusText: z.string().describe('已提交, 已受理, 审核中, 待补正, 准予许可, 不予许可, 已送达, 已撤回'),
    submittedAt: z.string(),
    updatedAt: z.string(),
    promisedDate: z.string().describe('承诺办结日期 (yyyy-MM-dd), counted in working days'),
  })
  .meta({ id: 'ApplicationSummary' });
export type ApplicationSummary = z.infer<typeof ApplicationSummarySchema>;

export const TimelineEntrySchema = z
  .object({
    step: z.string(),
    status: ApplicationStatusSchema,
    statusText: z.string(),
    actor: z.string().describe('Who handled the step'),
    at: z.string(),
    comment: z.string().optional(),
  })
  .meta({ id: 'TimelineEntry' });

export const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  currentStep: z.string(),
  currentDepartment: z.string(),
  currentDeadline: z.string().optional().describe("ISO time the current step's deadline falls"),
  supplementRequest: z.string().optional(),
  rejectionReason: z.string().optional(),
  trackingNo: z.string().optional().describe('EMS tracking number once delivered'),
  timeline: z.array(TimelineEntrySchema),
  canWithdraw: z.boolean(),
  canSupplement: z.boolean(),
}).meta({ id: 'ApplicationDetail' });
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;

export const ApplicationListQuerySchema = z
  .object({
    status: ApplicationStatusSchema.optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type ApplicationListQuery = z.infer<typeof ApplicationListQuerySchema>;

export const ApplicationListSchema = z
  .object({
    items: z.array(ApplicationSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    hasMore: z.boolean(),
  })
  .meta({ id: 'ApplicationList' });
export type ApplicationList = z.infer<typeof ApplicationListSchema>;

export const UploadedMaterialSchema = z
  .object({
    materialId: z.string(),
    filename: z.string(),
    size: z.number().int(),
    mime: z.enum(['image/jpeg', 'image/png', 'application/pdf']),
    uploadedAt: z.string(),
  })
  .meta({ id: 'UploadedMaterial' });
export type UploadedMaterial = z.infer<typeof UploadedMaterialSchema>;

export const SupplementRequestSchema = z
  .object({
    explanation: z.string().trim().min(1, '请说明补充的内容').max(500),
    materials: z.array(MaterialRefSchema).max(30),
  })
  .strict()
  .meta({ id: 'SupplementRequest' });
export type SupplementRequest = z.infer<typeof SupplementRequestSchema>;

export const WithdrawRequestSchema = z
  .object({ reason: z.string().trim().min(2, '请填写撤回原因').max(200) })
  .strict()
  .meta({ id: 'WithdrawRequest' });
export type WithdrawRequest = z.infer<typeof WithdrawRequestSchema>;

export const ProgressLookupRequestSchema = z
  .object({
    caseNo: CaseNoSchema,
    idLast6: z
      .string()
      .trim()
      .regex(/^\d{5}[\dXx]$/, '请填写申请人身份证号码后 6 位')
      .transform((value) => value.toUpperCase()),
  })
  .strict()
  .meta({ id: 'ProgressLookupRequest' });
export type ProgressLookupRequest = z.infer<typeof ProgressLookupRequestSchema>;

/** Only the status: enough for someone following a case for a relative, nothing personal. */
export const ProgressLookupResponseSchema = ApplicationSummarySchema.pick({
  caseNo: true,
  itemName: true,
  status: true,
  statusText: true,
  updatedAt: true,
  promisedDate: true,
}).meta({ id: 'ProgressLookupResponse' });
export type ProgressLookupResponse = z.infer<typeof ProgressLookupResponseSchema>;
