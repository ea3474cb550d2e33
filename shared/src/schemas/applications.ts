import { z } from 'zod';
import { AddressIdSchema } from './addresses';
import { DeliveryModeSchema, FormFieldSchema, ItemCodeSchema } from './catalog';
import { ActingMemberIdSchema, FormDataSchema } from './drafts';
import { CaseFeeSchema } from './payments';
import { CaseTrackingSchema } from './tracking';

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

/** A postal address in parts, as EMS needs it. */
export const PostalAddressSchema = z
  .object({
    province: z.string().trim().min(2, '请填写省份').max(20, '省份不超过 20 字'),
    city: z.string().trim().min(2, '请填写城市').max(20, '城市不超过 20 字'),
    district: z.string().trim().min(2, '请填写区县').max(20, '区县不超过 20 字'),
    detail: z.string().trim().min(5, '请填写详细地址，精确到门牌号').max(100, '详细地址不超过 100 字'),
  })
  .strict()
  .meta({ id: 'PostalAddress' });
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

export const DeliveryChoiceSchema = z
  .object({
    mode: DeliveryModeSchema,
    address: PostalAddressSchema.optional().describe(
      'Only for post. The recipient is the verified applicant and the phone the account’s: neither is sent',
    ),
    addressId: AddressIdSchema.optional().describe(
      'Only for post, instead of `address`: an address of my book, sent with its recipient and phone',
    ),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.mode === 'post' && !value.address && !value.addressId) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '选择邮寄时请填写或选择收件地址' });
    }
    if (value.address && value.addressId) {
      ctx.addIssue({ code: 'custom', path: ['addressId'], message: '收件地址请填写或从地址簿选择，二选一' });
    }
    if (value.mode !== 'post' && (value.address || value.addressId)) {
      ctx.addIssue({ code: 'custom', path: ['address'], message: '只有邮寄需要收件地址' });
    }
  })
  .meta({
    id: 'DeliveryChoice',
    // The refinement above, stated in the contract: one address (typed or from the book) with post, and only then.
    if: { properties: { mode: { const: 'post' } } },
    then: { oneOf: [{ required: ['address'] }, { required: ['addressId'] }] },
    else: { not: { anyOf: [{ required: ['address'] }, { required: ['addressId'] }] } },
  });
export type DeliveryChoice = z.infer<typeof DeliveryChoiceSchema>;

export const ApplicationSubmitRequestSchema = z
  .object({
    itemCode: ItemCodeSchema,
    formVersion: z.string().max(40),
    data: FormDataSchema,
    materials: z.array(MaterialRefSchema).max(30),
    delivery: DeliveryChoiceSchema.optional().describe(
      "How the result reaches me: one of the item's deliveryModes, required when it has any",
    ),
    memberId: ActingMemberIdSchema.optional().describe(
      "Filing for a family member (代办) where the item's guide allows it (onBehalf): their identity fills the form, I am the applicant",
    ),
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
    subject: z
      .object({
        nameMasked: z.string().describe('当事人, masked: 张*'),
        relationText: z.string().describe('How the one who acted is related to them: 儿子, 母亲…'),
      })
      .optional()
      .describe('当事人: the family member the case is for, when someone filed it for them (absent: the applicant)'),
    actor: z
      .object({ nameMasked: z.string().describe('代办人, masked: 李*') })
      .optional()
      .describe('代办人: who filed it, when not the one the case is for'),
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
    source: z
      .enum(['approval', 'ems'])
      .optional()
      .describe('ems: a step of the mailed result (actor is the EMS office); absent: the approval system'),
  })
  .meta({ id: 'TimelineEntry' });

export const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  currentStep: z.string(),
  currentDepartment: z.string(),
  currentDeadline: z.string().optional().describe("ISO time the current step's deadline falls"),
  supplementRequest: z.string().optional(),
  rejectionReason: z.string().optional(),
  trackingNo: z.string().optional().describe('EMS tracking number once delivered'),
  clockPausedSince: z
    .string()
    .optional()
    .describe('补正 pending: the promised date stopped counting then (ISO) and moves on when I answer'),
  extendedWorkingDays: z
    .number()
    .int()
    .optional()
    .describe('Working days the promised date has moved on by 补正 (absent when none)'),
  delivery: z
    .object({
      mode: DeliveryModeSchema,
      modeText: z.string().describe('电子证明, 邮寄, 窗口领取'),
      recipient: z.string().optional().describe('Masked: 张*'),
      phone: z.string().optional().describe('Masked: 138****8000'),
      address: z.string().optional().describe('Province, city and district; the rest masked'),
    })
    .optional()
    .describe('How the result reaches me, as chosen when applying'),
  certificate: z
    .object({
      name: z.string(),
      number: z.string().describe('证明编号'),
      verificationCode: z.string().describe('核验码, to check the certificate with the issuing office'),
      issuedAt: z.string(),
    })
    .optional()
    .describe('The 电子证明 once issued'),
  tracking: CaseTrackingSchema.optional().describe(
    'The mailed result on its way (EMS), once there is a tracking number',
  ),
  fee: CaseFeeSchema.optional().describe('The fee paid online (items charged online), from acceptance on'),
  timeline: z.array(TimelineEntrySchema),
  canWithdraw: z.boolean(),
  canSupplement: z.boolean(),
}).meta({ id: 'ApplicationDetail' });
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;

export const ApplicationListQuerySchema = z
  .object({
    status: z
      .string()
      .transform((value) => [...new Set(value.split(','))])
      .pipe(z.array(ApplicationStatusSchema).min(1).max(APPLICATION_STATUSES.length))
      .meta({ pattern: `^(${APPLICATION_STATUSES.join('|')})(,(${APPLICATION_STATUSES.join('|')}))*$` })
      .optional()
      .describe('One status or several, comma-separated: submitted,accepted,reviewing'),
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

export const MemberCasesQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type MemberCasesQuery = z.infer<typeof MemberCasesQuerySchema>;

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

/** A "一件事" package's one combined form: the member items' fields, each asked once. */
export const PackageFormSchema = z
  .object({
    packageCode: z.string(),
    name: z.string(),
    form: z.object({
      version: z.string(),
      sections: z.array(
        z.object({
          title: z.string(),
          fields: z.array(FormFieldSchema),
        }),
      ),
    }),
    materials: z.array(
      z.object({
        name: z.string(),
        required: z.boolean(),
        forItems: z.array(z.string()).describe('Member item codes'),
      }),
    ),
    members: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        department: z.string(),
        online: z.boolean().describe('Filed through this form; false: the department handles it separately'),
      }),
    ),
  })
  .meta({ id: 'PackageForm' });
export type PackageForm = z.infer<typeof PackageFormSchema>;

export const PackageApplicationRequestSchema = z
  .object({ data: FormDataSchema, materials: z.array(MaterialRefSchema).max(60) })
  .strict()
  .meta({ id: 'PackageApplicationRequest' });
export type PackageApplicationRequest = z.infer<typeof PackageApplicationRequestSchema>;

export const PackageApplicationSchema = z
  .object({
    packageCaseNo: z.string(),
    packageCode: z.string(),
    name: z.string(),
    submittedAt: z.string(),
    complete: z.boolean().describe('Every online member filed; false: retry files only the failed ones'),
    members: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        department: z.string(),
        status: z.enum(['submitted', 'failed']),
        caseNo: z.string().optional(),
        error: z.string().optional().describe('Why this department did not take it, in words'),
      }),
    ),
  })
  .meta({ id: 'PackageApplication' });
export type PackageApplication = z.infer<typeof PackageApplicationSchema>;

export const PackageCaseNoParamsSchema = z
  .object({ packageCaseNo: z.string().regex(/^YJS\d{8}[0-9A-F]{10}$/, '一件事办件编号不正确') })
  .strict();
