import { z } from 'zod';
import { BindingEventSchema } from './identity';
import { PAYMENT_THING_KINDS, PaymentOrderStateSchema, RefundViewSchema } from './payments';

/** What a read of personal data was for, as 个人信息使用记录 lists it. */
export const DataUseFeatureSchema = z.enum([
  'vehicles',
  'vehicle',
  'licence',
  'violations',
  'e-licence-card',
  'e-licence-qr',
  'e-licences',
  'residence',
  'residence-qr',
  'identity',
  'identity-reveal',
  'export',
  'family',
  'wallet',
  'wallet-share',
]);
export type DataUseFeature = z.infer<typeof DataUseFeatureSchema>;

export const DataUseRecordSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    feature: DataUseFeatureSchema,
    what: z.string().describe('In words: 查询名下机动车, 出示电子驾驶证…'),
    device: z.object({ platform: z.string(), model: z.string().nullable() }),
    account: z.string().describe('The account that read it, masked'),
    thisSession: z.boolean(),
  })
  .meta({ id: 'DataUseRecord' });
export type DataUseRecord = z.infer<typeof DataUseRecordSchema>;

export const DataUseQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const DataUseListSchema = z
  .object({
    items: z.array(DataUseRecordSchema),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    retentionDays: z.number().int().describe('Records are kept this long'),
  })
  .meta({ id: 'DataUseList' });
export type DataUseList = z.infer<typeof DataUseListSchema>;

export const AccountDeletionSchema = z
  .object({
    status: z.enum(['none', 'scheduled']),
    requestedAt: z.iso.datetime().optional(),
    scheduledFor: z.iso.datetime().optional().describe('When the account is deleted unless cancelled before'),
  })
  .meta({ id: 'AccountDeletion' });
export type AccountDeletion = z.infer<typeof AccountDeletionSchema>;

const DeviceSchema = z.object({ platform: z.string(), model: z.string().nullable() });

/**
 * 个人信息副本: everything 穗警通 holds about the person, as the file
 * GET /me/export downloads (after a fresh in-person check). Their own
 * numbers are in full here; secrets (token hashes, WeChat session keys) are
 * credentials, not information about them, and are left out.
 */
export const PersonalExportSchema = z
  .object({
    format: z.literal('suijing-personal-information/1'),
    generatedAt: z.iso.datetime(),
    account: z
      .object({
        userId: z.string(),
        phone: z.string().nullable().describe('In full: their own'),
        wechatOpenid: z.string().nullable().describe('The id WeChat gives this mini-program for the person'),
        realNameStatus: z.enum(['unverified', 'verified']),
        createdAt: z.iso.datetime(),
      })
      .describe('The account'),
    identity: z
      .object({
        name: z.string(),
        idNumber: z.string().describe('In full'),
        method: z.string().describe('How it was first verified'),
        verifiedAt: z.iso.datetime(),
      })
      .nullable()
      .describe('The verified identity bound to this account'),
    sessions: z
      .array(
        z.object({
          id: z.string(),
          loginMethod: z.string(),
          device: DeviceSchema,
          createdAt: z.iso.datetime(),
          lastSeenAt: z.iso.datetime(),
          expiresAt: z.iso.datetime(),
          endedAt: z.iso.datetime().nullable(),
          endReason: z.string().nullable(),
          inPersonAt: z.iso.datetime().nullable(),
          inPersonMethod: z.string().nullable(),
        }),
      )
      .describe('Devices logged in, also ended ones still held'),
    bindingHistory: z.array(BindingEventSchema).describe('When the identity was bound, moved or unbound'),
    drafts: z.array(
      z.object({
        itemCode: z.string(),
        itemName: z.string(),
        formVersion: z.string(),
        data: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
        updatedAt: z.iso.datetime(),
      }),
    ),
    favorites: z.array(z.object({ code: z.string(), name: z.string(), favoritedAt: z.iso.datetime() })),
    cases: z
      .array(
        z.object({
          caseNo: z.string(),
          itemCode: z.string(),
          itemName: z.string(),
          status: z.string(),
          statusText: z.string(),
          submittedAt: z.string(),
          updatedAt: z.string(),
        }),
      )
      .describe('Cases filed (their content is held by the approval system)'),
    packageCases: z.array(
      z.object({
        packageCaseNo: z.string(),
        packageCode: z.string(),
        name: z.string(),
        submittedAt: z.iso.datetime(),
        members: z.array(z.object({ itemName: z.string(), status: z.string(), caseNo: z.string().nullable() })),
      }),
    ),
    materials: z
      .array(
        z.object({
          materialId: z.string(),
          filename: z.string(),
          mime: z.string(),
          size: z.number().int(),
          uploadedAt: z.iso.datetime(),
        }),
      )
      .describe('Uploaded files, described (the files are held by the approval system)'),
    messages: z.array(
      z.object({
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        caseNo: z.string().nullable(),
        read: z.boolean(),
        createdAt: z.iso.datetime(),
      }),
    ),
    addresses: z
      .array(
        z.object({
          id: z.string(),
          recipient: z.string(),
          mobile: z.string().describe('In full: their own'),
          province: z.string(),
          city: z.string(),
          district: z.string(),
          districtCode: z.string(),
          detail: z.string(),
          isDefault: z.boolean(),
          createdAt: z.iso.datetime(),
          updatedAt: z.iso.datetime(),
        }),
      )
      .describe('收件地址簿, as kept (sealed at rest)'),
    payments: z
      .array(
        z.object({
          orderId: z.string(),
          kind: z.enum(PAYMENT_THING_KINDS),
          title: z.string().describe('What was paid for'),
          reference: z.string().describe('决定书编号 or 办件编号'),
          department: z.string().describe('Who the money is paid to'),
          platform: z.enum(['wxpay', 'nontax']),
          lines: z.array(z.object({ label: z.string(), amountFen: z.number().int() })),
          amountFen: z.number().int(),
          state: PaymentOrderStateSchema,
          createdAt: z.iso.datetime(),
          paidAt: z.iso.datetime().nullable(),
          closedAt: z.iso.datetime().nullable(),
          receiptNo: z.string().nullable().describe('票据号, once paid'),
          refund: z
            .object({
              amountFen: z.number().int(),
              reason: z.string(),
              state: RefundViewSchema.shape.state,
              requestedAt: z.iso.datetime(),
              refundedAt: z.iso.datetime().nullable(),
            })
            .nullable(),
        }),
      )
      .describe('Payment orders (缴费记录), newest first; no WeChat ids, no platform notices'),
    family: z
      .array(
        z.object({
          role: z.enum(['actor', 'member']).describe('actor: I act for them; member: they may act for me'),
          otherNameMasked: z.string(),
          relation: z.string().describe('关系 as the actor gave it'),
          kind: z.enum(['minor', 'adult']),
          status: z.string(),
          proof: z.string().nullable(),
          createdAt: z.iso.datetime(),
          activatedAt: z.iso.datetime().nullable(),
          endedAt: z.iso.datetime().nullable(),
        }),
      )
      .describe('家人: the people I act for and those who may act for me, names masked, newest first'),
    walletShares: z
      .array(
        z.object({
          credentialName: z.string().describe('The certificate shown, e.g. 广东省居住证'),
          purpose: z.string().describe('用途 as the holder typed it'),
          fields: z.array(z.string()).describe('The labels of the facts shown (not their values)'),
          createdAt: z.iso.datetime(),
          expiresAt: z.iso.datetime(),
          state: z.enum(['active', 'expired', 'revoked']),
          revokedAt: z.iso.datetime().nullable(),
          uses: z
            .array(z.object({ at: z.iso.datetime(), verifierName: z.string() }))
            .describe('Each check: when, and the verifier as they named themselves; newest first'),
        }),
      )
      .describe('出示记录: the 证照夹 links I made and who checked them, newest first; no tokens, no values'),
    dataUse: z
      .object({ retentionDays: z.number().int(), items: z.array(DataUseRecordSchema) })
      .describe('个人信息使用记录: reads of their records, newest first'),
    deletion: AccountDeletionSchema.describe('A pending 注销账号, if any'),
  })
  .meta({ id: 'PersonalExport' });
export type PersonalExport = z.infer<typeof PersonalExportSchema>;

/** The kinds of personal information the 隐私保护指引 accounts for, one entry each. */
export const PrivacyNoticeCategoryKeySchema = z.enum([
  'phone',
  'wechat',
  'device',
  'identity',
  'face',
  'location',
  'materials',
  'cases',
  'records',
  'payments',
  'addresses',
  'family',
  'wallet',
  'data-use',
]);
export type PrivacyNoticeCategoryKey = z.infer<typeof PrivacyNoticeCategoryKeySchema>;

export const PrivacyNoticeCategorySchema = z
  .object({
    key: PrivacyNoticeCategoryKeySchema,
    title: z.string(),
    sensitive: z
      .boolean()
      .describe('敏感个人信息 (PIPL 第二十八条): handled only with a specific purpose and strict protection'),
    collected: z.string().describe('What is collected, and when'),
    purpose: z.string().describe('Why, and what happens if the person declines'),
    retention: z.string().describe('How long it is kept, and how it is protected'),
    recipients: z.string().describe('Who else receives it'),
  })
  .meta({ id: 'PrivacyNoticeCategory' });
export type PrivacyNoticeCategory = z.infer<typeof PrivacyNoticeCategorySchema>;

/** 隐私保护指引: what 穗警通 collects, why, for how long and who receives it, with the retention the BFF enforces. */
export const PrivacyNoticeSchema = z
  .object({
    version: z.string().describe('yyyy-MM-dd: when this text last changed'),
    intro: z.string(),
    categories: z.array(PrivacyNoticeCategorySchema),
    sensitive: z.string().describe('How sensitive personal information is handled'),
    rights: z.array(z.string()).describe("The person's rights and where in the app to use them"),
    contact: z.string(),
  })
  .meta({ id: 'PrivacyNotice' });
export type PrivacyNotice = z.infer<typeof PrivacyNoticeSchema>;
