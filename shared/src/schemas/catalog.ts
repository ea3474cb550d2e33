import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, ITEM_CODE_PATTERN, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, PACKAGE_CODE_PATTERN } from '../limits';

/**
 * The service catalog as the mini-program sees it: the 415 online items
 * (事项) with their guides (办事指南) and application forms, and the
 * "一件事" packages. Everything is translated from the catalog system's
 * legacy dialect into plain, Chinese-labelled data.
 */

export * from '../limits';

export const ItemCodeSchema = z
  .string()
  .trim()
  .regex(ITEM_CODE_PATTERN, '事项编码格式不正确')
  .describe('Item code in the national coding style (GB/T 39554.1-2020)');

export const PackageCodeSchema = z.string().trim().regex(PACKAGE_CODE_PATTERN, '一件事编码格式不正确');

export const ItemCodeParamsSchema = z.object({ code: ItemCodeSchema }).strict();
export const PackageCodeParamsSchema = z.object({ code: PackageCodeSchema }).strict();

/** A named category: a police type (警种) or a life event (人生事件). */
export const CategorySchema = z
  .object({
    code: z.string().describe('Stable lower-case code, e.g. "crj" or "birth"'),
    name: z.string().describe('Chinese name, e.g. 出入境'),
  })
  .meta({ id: 'Category' });
export type Category = z.infer<typeof CategorySchema>;

export const CategoryWithCountSchema = CategorySchema.extend({ count: z.number().int() }).meta({
  id: 'CategoryWithCount',
});
export type CategoryWithCount = z.infer<typeof CategoryWithCountSchema>;

/**
 * How current the catalog copy behind an answer is. The BFF serves its last
 * good copy when the catalog system is down; `stale` then says so and
 * `syncedAt` tells the citizen how old the information is.
 */
export const CatalogFreshnessSchema = z
  .object({
    version: z.string().describe('The catalog version the answer comes from'),
    syncedAt: z.string().describe('ISO time the BFF last confirmed this version with the catalog system'),
    ageSeconds: z.number().int().describe('Seconds since syncedAt'),
    stale: z.boolean().describe('True when the catalog system could not be reached and an older copy is served'),
  })
  .meta({ id: 'CatalogFreshness' });
export type CatalogFreshness = z.infer<typeof CatalogFreshnessSchema>;

/** How an item's result reaches the applicant: 电子证明 in the case, 邮寄 to an address, 窗口领取. */
export const DELIVERY_MODES = ['electronic', 'post', 'window'] as const;
export const DeliveryModeSchema = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof DeliveryModeSchema>;

export const ItemSummarySchema = z
  .object({
    code: z.string(),
    name: z.string().describe('Full item name, e.g. 居民身份证换领'),
    family: z.string().describe('The main item (主项) the variant belongs to, e.g. 居民身份证'),
    situation: z.string().optional().describe('The 情形 variant, e.g. 换领'),
    policeType: CategorySchema,
    lifeEvents: z.array(CategorySchema),
    department: z.string().describe('实施机关'),
    itemType: z.string().describe('事项类型, e.g. 行政许可'),
    promisedDays: z.number().int().describe('承诺办结时限 in working days; 0 = 即办'),
    visits: z.number().int().describe('到现场次数'),
    charged: z.boolean().describe('Whether a fee applies'),
    onlineDepth: z.string().describe('网办深度 in words, e.g. 全程网办'),
    monthlyVolume: z.number().int().describe('Cases last month, the popularity signal'),
  })
  .meta({ id: 'ItemSummary' });
export type ItemSummary = z.infer<typeof ItemSummarySchema>;

export const MATERIAL_EXEMPTIONS = ['form', 'shared'] as const;
export const MaterialExemptionSchema = z.enum(MATERIAL_EXEMPTIONS);
export type MaterialExemption = z.infer<typeof MaterialExemptionSchema>;

export const MaterialSchema = z
  .object({
    name: z.string(),
    necessity: z.enum(['required', 'waivable', 'conditional']).describe('必要 / 容缺 (may follow later) / 情形材料'),
    source: z.string().describe('来源, e.g. 申请人自备 or 政府部门核发'),
    paperCopies: z.number().int().describe('纸质份数; 0 when only electronic'),
    spec: z.string().describe('规格, e.g. 原件 A4'),
    eLicence: z
      .object({ reusable: z.boolean(), name: z.string().optional().describe('The e-licence it is taken from') })
      .describe('电子证照可复用: no upload needed when on file'),
    trustGrade: z.enum(['A', 'B', 'C']).optional().describe('A issued by the body, B verified, C uploaded'),
    onlineExemption: MaterialExemptionSchema.optional().describe(
      '网上办理免提交: filing online needs no upload of it. form: the online form is this material (signed by ' +
        'the filing); shared: the issuing body or another department supplies it to the approval system. Absent: ' +
        'uploaded, or taken from an e-licence where reusable',
    ),
    sampleAvailable: z.boolean().describe('A filled-in sample (样表) exists'),
    blankFormAvailable: z.boolean().describe('A blank form (空白表格) exists'),
    note: z.string().optional(),
  })
  .meta({ id: 'Material' });
export type Material = z.infer<typeof MaterialSchema>;

export const ProcessStepSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    actor: z.string().optional().describe('Who does it'),
    days: z.number().int().optional().describe('Working days for this step'),
  })
  .meta({ id: 'ProcessStep' });

export const LegalBasisSchema = z
  .object({ law: z.string(), article: z.string().optional(), text: z.string().optional() })
  .meta({ id: 'LegalBasis' });

export const ServiceHallSchema = z
  .object({ name: z.string(), address: z.string(), hours: z.string() })
  .meta({ id: 'ServiceHallRef' });

/** Field types a form may use; the mini-program renders each one, the BFF validates each one. */
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'idNumber',
  'phone',
  'plate',
  'address',
] as const;
export const FormFieldTypeSchema = z.enum(FORM_FIELD_TYPES);
export type FormFieldType = z.infer<typeof FormFieldTypeSchema>;

/**
 * The parts of the applicant's own identity a field may be: filled from the
 * verified record (name and ID number from 实名认证, sex and birth date from
 * the ID number, phone from the account), shown masked and locked, and never
 * taken from what a client sends. A person the item is done for (a child, a
 * principal, a tenant) is asked in ordinary fields, never in these.
 */
export const IDENTITY_FIELD_KINDS = ['name', 'idNumber', 'phone', 'sex', 'birthDate'] as const;
export const IdentityFieldKindSchema = z.enum(IDENTITY_FIELD_KINDS);
export type IdentityFieldKind = z.infer<typeof IdentityFieldKindSchema>;

/** What filing an item online asks of the applicant: 实名 (L2) or 实人 (L3, a face or 网证 check within 30 days). */
export const ItemAssuranceSchema = z.enum(['L2', 'L3']);
export type ItemAssurance = z.infer<typeof ItemAssuranceSchema>;

/**
 * A date field's bound: a calendar date (yyyy-MM-dd), or a number of days
 * from the day of filing in Beijing (0 today, -365 a year ago, 7 a week on),
 * which the client and the BFF each resolve on the day.
 */
export const DateBoundSchema = z.union([z.iso.date(), z.number().int()]).meta({ id: 'DateBound' });
export type DateBound = z.infer<typeof DateBoundSchema>;

export const FormFieldSchema = z
  .object({
    key: z.string().describe('Stable field key in the submitted data'),
    label: z.string(),
    type: FormFieldTypeSchema,
    required: z.boolean(),
    placeholder: z.string().optional(),
    help: z.string().optional(),
    options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
    minLength: z.number().int().optional(),
    maxLength: z.number().int().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    pattern: z.string().optional().describe('A JavaScript regular expression the whole value must match'),
    patternMessage: z.string().optional(),
    earliest: DateBoundSchema.optional().describe('Date fields: the earliest date that may be chosen'),
    latest: DateBoundSchema.optional().describe('Date fields: the latest date that may be chosen'),
    identity: IdentityFieldKindSchema.optional().describe(
      "The applicant's own identity: filled by the server from the verified record, shown masked and locked; " +
        'a client sends nothing (or the masked value) for it, a different value is refused (FORM_IDENTITY_MISMATCH)',
    ),
  })
  .meta({ id: 'FormField' });
export type FormField = z.infer<typeof FormFieldSchema>;

export const FormSchema = z
  .object({
    version: z.string(),
    sections: z.array(z.object({ title: z.string(), fields: z.array(FormFieldSchema) })),
  })
  .meta({ id: 'ApplicationForm' });
export type ApplicationForm = z.infer<typeof FormSchema>;

export const ItemGuideSchema = ItemSummarySchema.extend({
  aliases: z.array(z.string()),
  competentDepartment: z.string().describe('主管部门'),
  caseType: z.enum(['instant', 'promised']).describe('即办件 / 承诺件'),
  statutoryDays: z.number().int().describe('法定办结时限 in working days'),
  channels: z.array(z.string()).describe('办理形式 in words: 网上办理, 窗口办理, 自助办理'),
  fee: z.object({ charged: z.boolean(), standard: z.string().optional(), basis: z.string().optional() }),
  payOnline: z.boolean(),
  appointment: z.boolean().describe('Hall visits can be booked'),
  delivery: z.boolean().describe('Results can be posted (物流快递)'),
  deliveryModes: z
    .array(DeliveryModeSchema)
    .describe(
      'How the result reaches the applicant, chosen when applying (usual first): electronic 电子证明 seen in the case, ' +
        'post 邮寄 to an address, window 窗口领取. Empty: nothing to choose when applying (the form asks, or the hall hands it over)',
    ),
  level: z.string().describe('行使层级'),
  powerSource: z.string().describe('权力来源'),
  crossRegion: z
    .object({ scope: z.enum(['none', 'province', 'national', 'bay-area']), description: z.string() })
    .describe('跨域通办'),
  conditions: z.array(z.string()).describe('受理条件'),
  materials: z.array(MaterialSchema),
  steps: z.array(ProcessStepSchema),
  legalBasis: z.array(LegalBasisSchema),
  hotline: z.string(),
  complaintLine: z.string(),
  halls: z.array(ServiceHallSchema),
  result: z
    .object({
      name: z.string(),
      type: z.string(),
      sample: z
        .object({
          available: z.boolean().describe('A sample of the result (结果样本) is published'),
          description: z.string().optional().describe('What the sample shows'),
        })
        .describe('结果样本'),
    })
    .describe('审批结果'),
  serviceObjects: z.array(z.string()).describe('服务对象, e.g. 自然人, 企业法人; empty when the catalog does not say'),
  quantityLimit: z.string().optional().describe('数量限制, e.g. 无数量限制 or 每人只能持有一本有效的普通护照'),
  refusalCases: z.array(z.string()).describe('不予受理情形: when an application is not accepted'),
  intermediaryService: z.string().optional().describe('中介服务 the applicant needs from a third party; 无 when none'),
  specialProcedures: z
    .array(
      z.object({
        name: z.string().describe('e.g. 专家评审, 现场核查, 公示'),
        description: z.string(),
        days: z.number().int().optional().describe('Working days, not counted in the promised days'),
      }),
    )
    .describe('特别程序'),
  faqs: z
    .array(z.object({ question: z.string(), answer: z.string() }))
    .describe('常见问题 specific to the item; empty when none are published'),
  assurance: ItemAssuranceSchema.describe(
    'The level filing this item online needs: L2 实名, or L3 实人 (a face or 网证 check within 30 days on this session)',
  ),
  onBehalf: z
    .enum(['none', 'minors', 'family'])
    .describe(
      '代办: none 须本人申请; minors 未成年人可由监护人代为申请; family 可由家人代为申请 ' +
        '(minors by their guardian, adults by a relative they authorised)',
    ),
  form: FormSchema,
  updatedAt: z.string().describe('ISO time the guide was last changed'),
}).meta({ id: 'ItemGuide' });
export type ItemGuide = z.infer<typeof ItemGuideSchema>;

/** A positive page number or size in a query string, with its default and a Chinese message. */
export const pageQueryInt = (fallback: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(max, message).default(fallback);

export const ItemListQuerySchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH, `搜索内容请不超过 ${MAX_QUERY_LENGTH} 个字`).optional(),
    policeType: z
      .string()
      .regex(/^[a-z-]{1,20}$/, '警种分类不正确')
      .optional(),
    lifeEvent: z
      .string()
      .regex(/^[a-z-]{1,20}$/, '人生事件分类不正确')
      .optional(),
    page: pageQueryInt(1, 1000, '页码应为 1 到 1000 的整数'),
    pageSize: pageQueryInt(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, `每页条数应为 1 到 ${MAX_PAGE_SIZE} 的整数`),
  })
  .strict();
export type ItemListQuery = z.infer<typeof ItemListQuerySchema>;

export const ItemListResponseSchema = z
  .object({
    items: z.array(ItemSummarySchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    hasMore: z.boolean(),
    suggestions: z.array(ItemSummarySchema).describe('Hot items offered when a search finds nothing; empty otherwise'),
    catalog: CatalogFreshnessSchema,
  })
  .meta({ id: 'ItemList' });
export type ItemListResponse = z.infer<typeof ItemListResponseSchema>;

export const HotItemsResponseSchema = z
  .object({ items: z.array(ItemSummarySchema), catalog: CatalogFreshnessSchema })
  .meta({ id: 'HotItems' });
export type HotItemsResponse = z.infer<typeof HotItemsResponseSchema>;

export const ItemGuideResponseSchema = z
  .object({ item: ItemGuideSchema, catalog: CatalogFreshnessSchema })
  .meta({ id: 'ItemGuideResponse' });
export type ItemGuideResponse = z.infer<typeof ItemGuideResponseSchema>;

export const CategoriesResponseSchema = z
  .object({
    total: z.number().int().describe('Online items in the catalog'),
    policeTypes: z.array(CategoryWithCountSchema),
    lifeEvents: z.array(CategoryWithCountSchema),
    catalog: CatalogFreshnessSchema,
  })
  .meta({ id: 'Categories' });
export type CategoriesResponse = z.infer<typeof CategoriesResponseSchema>;

export const PackageSummarySchema = z
  .object({
    code: z.string(),
    name: z.string().describe('e.g. 新生儿出生一件事'),
    description: z.string(),
    lifeEvent: CategorySchema.optional(),
    leadDepartment: z.string().describe('牵头部门'),
    departments: z.array(z.string()).describe('Every department involved, lead first'),
    memberCount: z.number().int(),
    promisedDays: z.number().int(),
    visits: z.number().int(),
  })
  .meta({ id: 'PackageSummary' });
export type PackageSummary = z.infer<typeof PackageSummarySchema>;

export const PackageMemberSchema = z
  .object({
    order: z.number().int(),
    itemCode: z.string(),
    itemName: z.string(),
    department: z.string().describe('The department that handles this member item'),
    police: z.boolean().describe('A police item of this catalog (its guide can be opened)'),
  })
  .meta({ id: 'PackageMember' });
export type PackageMember = z.infer<typeof PackageMemberSchema>;

export const PackageDetailSchema = PackageSummarySchema.extend({
  members: z.array(PackageMemberSchema),
  conditions: z.array(z.string()),
  hotline: z.string(),
  updatedAt: z.string(),
}).meta({ id: 'PackageDetail' });
export type PackageDetail = z.infer<typeof PackageDetailSchema>;

export const PackageListResponseSchema = z
  .object({ packages: z.array(PackageSummarySchema), catalog: CatalogFreshnessSchema })
  .meta({ id: 'PackageList' });
export type PackageListResponse = z.infer<typeof PackageListResponseSchema>;

export const PackageDetailResponseSchema = z
  .object({ package: PackageDetailSchema, catalog: CatalogFreshnessSchema })
  .meta({ id: 'PackageDetailResponse' });
export type PackageDetailResponse = z.infer<typeof PackageDetailResponseSchema>;

export const FavoriteSchema = z
  .object({
    code: z.string(),
    favorite: z.boolean(),
    favoritedAt: z.string().optional(),
  })
  .meta({ id: 'FavoriteState' });
export type Favorite = z.infer<typeof FavoriteSchema>;

export const FavoriteItemSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    favoritedAt: z.string(),
    available: z.boolean().describe('False when the item has left the online catalog'),
    item: ItemSummarySchema.optional(),
  })
  .meta({ id: 'FavoriteItem' });
export type FavoriteItem = z.infer<typeof FavoriteItemSchema>;

export const FavoriteListResponseSchema = z
  .object({ favorites: z.array(FavoriteItemSchema) })
  .meta({ id: 'FavoriteList' });
export type FavoriteListResponse = z.infer<typeof FavoriteListResponseSchema>;
