import { z } from 'zod';
import { MaterialRefSchema } from './applications';

/**
 * Vehicles, the driving licence and violations (车驾管), translated from the
 * traffic system's dialect into words a citizen reads. Dates are yyyy-MM-dd;
 * day counts are from today in China time (negative = already past).
 */

export const SeveritySchema = z.enum(['ok', 'notice', 'warning', 'danger']);
export type Severity = z.infer<typeof SeveritySchema>;

export const StatusWordSchema = z
  .object({
    code: z.string().describe('The traffic system letter, e.g. A, H, Q'),
    text: z.string().describe('正常, 违法未处理, 逾期未检验 ...'),
    severity: SeveritySchema,
  })
  .meta({ id: 'StatusWord' });
export type StatusWord = z.infer<typeof StatusWordSchema>;

export const DeadlineSchema = z
  .object({
    date: z.string().describe('yyyy-MM-dd, or 长期 for a long-term (open-ended) validity'),
    daysLeft: z.number().int().describe('0 = today, negative = overdue by that many days (0 when long-term)'),
    state: z.enum(['ok', 'soon', 'today', 'overdue', 'long-term']),
  })
  .meta({ id: 'Deadline' });
export type Deadline = z.infer<typeof DeadlineSchema>;

/** How current the answer is: the traffic system is slow and sometimes down, so the BFF may serve its last copy. */
export const TrafficFreshnessSchema = z
  .object({
    updatedAt: z.string().describe('ISO time the traffic system last answered for this user'),
    ageSeconds: z.number().int(),
    stale: z.boolean().describe('True when the live query failed and the last known data is shown'),
  })
  .meta({ id: 'TrafficFreshness' });
export type TrafficFreshness = z.infer<typeof TrafficFreshnessSchema>;

export const PLATE_COLOURS = ['blue', 'green', 'yellow', 'yellow-green', 'white', 'black'] as const;

export const VehicleSummarySchema = z
  .object({
    id: z.string().describe('Opaque id of the vehicle for this user; never the plate'),
    plateMasked: z.string().describe('粤A·***45'),
    plateKind: z.string().describe('号牌种类 in words: 小型汽车, 小型新能源汽车 ...'),
    plateColour: z.enum(PLATE_COLOURS).describe('Background of the real plate'),
    brand: z.string(),
    model: z.string(),
    colour: z.string().describe('车身颜色 in words'),
    statuses: z.array(StatusWordSchema),
    severity: SeveritySchema.describe('The worst of the statuses and deadlines'),
    mortgaged: z.boolean(),
    inspection: DeadlineSchema.describe('检验有效期止'),
  })
  .meta({ id: 'VehicleSummary' });
export type VehicleSummary = z.infer<typeof VehicleSummarySchema>;

export const VehicleDetailSchema = VehicleSummarySchema.extend({
  plate: z.string().describe("The owner's own plate in full (detail screen only)"),
  vehicleType: z.string(),
  useNature: z.string().describe('使用性质 in words'),
  registeredOn: z.string().describe('初次登记日期'),
  scrap: DeadlineSchema.describe('强制报废期止'),
  insurance: DeadlineSchema.describe('交强险终止日期'),
  vinMasked: z.string().describe('车辆识别代号, last 4 only'),
  ownerMasked: z.string(),
  unhandledViolations: z.number().int().optional().describe('Absent when the violation records could not be read'),
  mortgageRelease: z
    .object({
      possible: z.boolean().describe('The lender has filed its release record: 解除抵押 can be applied for online'),
      reason: z.string().optional().describe('Why not, when not possible'),
      lender: z.string().optional(),
      itemCode: z.string().describe('The catalog item 机动车解除抵押登记'),
      suppliedMaterials: z
        .array(z.string())
        .describe(
          "Materials of the item's guide the system supplies itself (the lender's release record): not asked of the citizen",
        ),
    })
    .optional()
    .describe('Only for a mortgaged vehicle'),
}).meta({ id: 'VehicleDetail' });
export type VehicleDetail = z.infer<typeof VehicleDetailSchema>;

export const VehicleListSchema = z
  .object({ items: z.array(VehicleSummarySchema), freshness: TrafficFreshnessSchema })
  .meta({ id: 'VehicleList' });
export type VehicleList = z.infer<typeof VehicleListSchema>;

export const VehicleAnswerSchema = z
  .object({ vehicle: VehicleDetailSchema, freshness: TrafficFreshnessSchema })
  .meta({ id: 'VehicleAnswer' });
export type VehicleAnswer = z.infer<typeof VehicleAnswerSchema>;

export const VehicleIdParamsSchema = z
  .object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '车辆标识不正确') })
  .strict();

export const DowngradeOptionSchema = z
  .object({ code: z.string().describe('e.g. B2-C1'), label: z.string().describe('B2 降为 C1') })
  .meta({ id: 'DowngradeOption' });
export type DowngradeOption = z.infer<typeof DowngradeOptionSchema>;

export const DrivingLicenceSchema = z
  .object({
    numberMasked: z.string().describe('证号 (the ID number), masked'),
    archiveNoMasked: z.string().describe('档案编号, masked'),
    name: z.string(),
    classes: z.string().describe('准驾车型, e.g. C1 or A1A2'),
    points: z.object({
      accumulated: z.number().int(),
      remaining: z.number().int().describe('12 minus accumulated, never below 0'),
      max: z.literal(12),
    }),
    pointsReset: DeadlineSchema.describe('清分日期'),
    validFrom: z.string(),
    validity: DeadlineSchema.describe('有效期止'),
    firstIssuedOn: z.string(),
    issuer: z.string(),
    lastReviewOn: z.string().optional().describe('审验日期'),
    lastMedicalOn: z.string().optional().describe('体检日期'),
    statuses: z.array(StatusWordSchema),
    severity: SeveritySchema,
    downgrade: z
      .object({
        itemCode: z
          .string()
          .describe('The catalog item 机动车驾驶证自愿降低准驾车型换证 (its guide lists the materials)'),
        options: z.array(DowngradeOptionSchema).min(1),
      })
      .optional()
      .describe('Present when this licence class may be voluntarily downgraded'),
  })
  .meta({ id: 'DrivingLicence' });
export type DrivingLicence = z.infer<typeof DrivingLicenceSchema>;

export const LicenceAnswerSchema = z
  .object({ licence: DrivingLicenceSchema, freshness: TrafficFreshnessSchema })
  .meta({ id: 'LicenceAnswer' });
export type LicenceAnswer = z.infer<typeof LicenceAnswerSchema>;

export const VIOLATION_FILTERS = ['unhandled', 'handled', 'all'] as const;

export const ViolationListQuerySchema = z
  .object({
    status: z.enum(VIOLATION_FILTERS).default('unhandled'),
    kind: z.enum(['camera', 'onsite', 'all']).default('all'),
  })
  .strict();
export type ViolationListQuery = z.infer<typeof ViolationListQuerySchema>;

export const ViolationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['camera', 'onsite']).describe('非现场 (camera) or 现场 (on-site)'),
    plateMasked: z.string(),
    time: z.string().describe('ISO time with +08:00'),
    place: z.string(),
    code: z.string().describe('违法行为代码'),
    description: z.string(),
    fine: z.number().describe('罚款金额 (yuan)'),
    points: z.number().int(),
    handled: z.boolean(),
    paid: z.boolean(),
    authority: z.string().describe('采集机关'),
  })
  .meta({ id: 'Violation' });
export type Violation = z.infer<typeof ViolationSchema>;

export const ViolationListSchema = z
  .object({
    items: z.array(ViolationSchema),
    totals: z.object({
      count: z.number().int(),
      fine: z.number(),
      points: z.number().int(),
    }),
    freshness: TrafficFreshnessSchema,
  })
  .meta({ id: 'ViolationList' });
export type ViolationList = z.infer<typeof ViolationListSchema>;

/** The card an electronic driving licence shows, with a signed, short-lived QR payload. */
export const ELicenceCardSchema = z
  .object({
    numberMasked: z.string(),
    name: z.string(),
    gender: z.string(),
    nationality: z.string(),
    birthDate: z.string(),
    firstIssuedOn: z.string(),
    classes: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
    archiveNoMasked: z.string(),
    statusText: z.string(),
    accumulatedPoints: z.number().int(),
    issuer: z.string(),
    generatedAt: z.string().describe('ISO time the card and its QR code were generated'),
    qr: z.object({
      payload: z.string().describe('Signed by the BFF; an officer device verifies it'),
      expiresAt: z.string(),
      refreshAfterSeconds: z.number().int(),
    }),
  })
  .meta({ id: 'ELicenceCard' });
export type ELicenceCard = z.infer<typeof ELicenceCardSchema>;

export const ELicenceVerifyRequestSchema = z
  .object({ payload: z.string().min(1).max(2000) })
  .strict()
  .meta({ id: 'ELicenceVerifyRequest' });
export type ELicenceVerifyRequest = z.infer<typeof ELicenceVerifyRequestSchema>;

export const ELicenceVerifyResultSchema = z
  .object({
    result: z.enum(['valid', 'expired', 'forged']),
    resultText: z.string().describe('有效 / 已过期，请让持证人刷新 / 无效或被篡改'),
    checkedAt: z.string(),
    holder: z
      .object({
        name: z.string().describe('Masked: only the surname'),
        numberMasked: z.string(),
        classes: z.string(),
        statusText: z.string(),
        validUntil: z.string(),
      })
      .optional()
      .describe('Only for a valid payload'),
  })
  .meta({ id: 'ELicenceVerifyResult' });
export type ELicenceVerifyResult = z.infer<typeof ELicenceVerifyResultSchema>;

const ContactSchema = {
  phone: z
    .string()
    .trim()
    .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码')
    .optional()
    .describe(
      "A contact phone other than the account's; absent: the account's own (an account without one must give one)",
    ),
  address: z.string().trim().min(5, '请填写详细通讯地址').max(100),
};

export const DowngradeRequestSchema = z
  .object({
    targetClass: z.string().regex(/^[A-D][1-3]-[A-D][1-3]$/, '请选择降级后的准驾车型'),
    ...ContactSchema,
    delivery: z.enum(['window', 'post']).describe('窗口领取 or 邮政速递（到付） to the address'),
    materials: z.array(MaterialRefSchema).max(10),
  })
  .strict()
  .meta({ id: 'DowngradeRequest' });
export type DowngradeRequest = z.infer<typeof DowngradeRequestSchema>;

export const MortgageReleaseRequestSchema = z
  .object({ ...ContactSchema, materials: z.array(MaterialRefSchema).max(10) })
  .strict()
  .meta({ id: 'MortgageReleaseRequest' });
export type MortgageReleaseRequest = z.infer<typeof MortgageReleaseRequestSchema>;

/** 违法处理: one violation, its evidence photos, the online handling (交管12123 rules) and its 决定书. */

export const ViolationIdParamsSchema = z
  .object({ id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '违法记录标识不正确') })
  .strict();

export const ViolationPhotoParamsSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '违法记录标识不正确'),
    n: z
      .string()
      .regex(/^[1-9]$/, '照片序号不正确')
      .describe('1-based photo number'),
  })
  .strict();

export const VIOLATION_STATES = ['unhandled', 'unpaid', 'paid'] as const;

export const ViolationDetailSchema = ViolationSchema.extend({
  fineFen: z.number().int().describe('罚款金额 in fen'),
  state: z.enum(VIOLATION_STATES).describe('未处理, 已处理待缴款 (a 决定书 was issued), 已缴款'),
  stateText: z.string().describe('未处理 / 已处理，待缴款 / 已缴款'),
  decisionNo: z.string().optional().describe('处罚决定书编号, once handled'),
  photos: z
    .array(
      z.object({ url: z.string().describe('Path of the image under the API (private, Bearer)'), caption: z.string() }),
    )
    .describe('电子警察 evidence photos (none for an on-site ticket)'),
}).meta({ id: 'ViolationDetail' });
export type ViolationDetail = z.infer<typeof ViolationDetailSchema>;

export const ViolationAnswerSchema = z.object({ violation: ViolationDetailSchema }).meta({ id: 'ViolationAnswer' });
export type ViolationAnswer = z.infer<typeof ViolationAnswerSchema>;

export const HANDLING_REFUSALS = [
  'already-handled',
  'no-licence',
  'licence-status',
  'points-reach-12',
  'window-only',
] as const;
export type HandlingRefusalReason = (typeof HANDLING_REFUSALS)[number];

export const HandlingPreviewSchema = z
  .discriminatedUnion('allowed', [
    z.object({
      allowed: z.literal(true),
      consequences: z.object({
        points: z.number().int().describe('记分 of this violation'),
        pointsNow: z.number().int().describe('累积记分 now'),
        pointsAfter: z.number().int().describe('累积记分 after handling (below 12)'),
        pointsMax: z.literal(12),
        licenceStatusAfter: z.array(StatusWordSchema),
        fineFen: z.number().int(),
        payWithinDays: z.number().int().describe('Days after the decision to pay without a late fee'),
        notes: z.array(z.string()).describe('What the citizen agrees to by confirming, in words'),
      }),
    }),
    z.object({
      allowed: z.literal(false),
      reason: z.enum(HANDLING_REFUSALS),
      reasonText: z.string().describe('Why it cannot be handled online'),
      whatToDo: z.string().describe('What to do instead'),
      window: z
        .object({
          kind: z.enum(['police', 'vehicle-office']),
          name: z.string().describe('交警大队违法处理窗口 / 车管所违法处理窗口'),
        })
        .optional()
        .describe('Where to handle it instead'),
    }),
  ])
  .meta({ id: 'HandlingPreview' });
export type HandlingPreview = z.infer<typeof HandlingPreviewSchema>;

export const HandlingDecisionSchema = z
  .object({
    decisionNo: z.string().describe('处罚决定书编号: what the fine is paid against'),
    fineFen: z.number().int(),
    points: z.number().int(),
    pointsAfter: z.number().int().describe('累积记分 after handling'),
    handledAt: z.string().describe('ISO time of the decision'),
    dueDate: z.string().describe('yyyy-MM-dd: pay by this day to avoid the late fee (3 % a day)'),
  })
  .meta({ id: 'HandlingDecision' });
export type HandlingDecision = z.infer<typeof HandlingDecisionSchema>;
