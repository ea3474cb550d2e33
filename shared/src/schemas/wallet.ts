import { z } from 'zod';
import { SHARE_FIELD_KEYS, WALLET_ITEM_KINDS, type ShareDurationMinutes } from '../share-fields';

/**
 * 证照夹: every certificate a person holds in one list (the identity
 * credential of the L3 check, the 电子驾驶证, an 电子行驶证 per vehicle, the
 * 电子居住证, the e-licence store's licences), and 出示: a scoped,
 * time-limited link that shows a verifier only the fields the holder chose.
 */

export const WalletItemKindSchema = z.enum(WALLET_ITEM_KINDS).describe('What kind of certificate');

export const WalletItemStatusSchema = z
  .enum(['valid', 'expiring', 'expired', 'suspended', 'revoked'])
  .describe('expiring: valid, ending within 30 days; suspended: 中止/暂扣 and the like; revoked: 注销/吊销/已换领');

export const ShareFieldSchema = z
  .object({ key: z.string().describe('e.g. permitValid'), label: z.string().describe('e.g. 持有有效居住证') })
  .meta({ id: 'ShareField' });
export type ShareField = z.infer<typeof ShareFieldSchema>;

export const WalletItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/, '证照标识不正确')
  .describe('Opaque and stable per person and certificate; meaningless to anyone else');
export const WalletItemParamsSchema = z.object({ itemId: WalletItemIdSchema }).strict();

export const WalletItemSchema = z
  .object({
    id: WalletItemIdSchema,
    kind: WalletItemKindSchema,
    typeCode: z.string().optional().describe('For e-licences: the store type, e.g. HKB 居民户口簿, JHZ 结婚证'),
    name: z.string().describe('e.g. 电子驾驶证, 电子行驶证, 居民户口簿'),
    holderNameMasked: z.string(),
    numberMasked: z.string().describe('ID-like numbers and plates masked'),
    issuer: z.string(),
    issuedOn: z.string().optional().describe('yyyy-MM-dd'),
    validUntil: z.string().optional().describe('yyyy-MM-dd or 长期'),
    status: WalletItemStatusSchema,
    statusText: z.string().describe('In words, with what to do when it is not valid'),
    link: z.string().optional().describe("The mini-program page of the certificate's own card, when it has one"),
    shareFields: z.array(ShareFieldSchema).describe('What may be shown with 出示 (only when valid or expiring)'),
  })
  .meta({ id: 'WalletItem' });
export type WalletItem = z.infer<typeof WalletItemSchema>;

export const WalletSourceSchema = z.enum(['traffic', 'e-licences', 'residence']);

export const WalletSchema = z
  .object({
    items: z.array(WalletItemSchema),
    unavailable: z
      .array(z.object({ source: WalletSourceSchema, sourceName: z.string().describe('e.g. 车驾管系统') }))
      .describe('Systems that did not answer: their certificates are missing from `items` for now'),
  })
  .meta({ id: 'Wallet' });
export type Wallet = z.infer<typeof WalletSchema>;

export const WalletShareRequestSchema = z
  .object({
    itemId: WalletItemIdSchema,
    fields: z
      .array(z.enum(SHARE_FIELD_KEYS as [string, ...string[]]))
      .min(1, '请至少选择一项出示内容')
      .max(SHARE_FIELD_KEYS.length)
      .describe("Keys from the item's shareFields; nothing else is shown"),
    minutes: z
      // One literal each (SHARE_DURATIONS_MINUTES): a multi-value z.literal loses all but the first in OpenAPI.
      .union([z.literal(5), z.literal(30), z.literal(120), z.literal(1440)])
      .describe('How long the link works: 5, 30, 120 or 1440 minutes'),
    purpose: z.string().trim().min(2, '请填写出示用途').max(30, '用途不超过 30 字').describe('e.g. 租房, 入职'),
  })
  .strict()
  .meta({ id: 'WalletShareRequest' });
export type WalletShareRequest = z.infer<typeof WalletShareRequestSchema>;
// The schema's literals and the shared list must stay the same set.
const durationsAgree: ShareDurationMinutes extends WalletShareRequest['minutes']
  ? WalletShareRequest['minutes'] extends ShareDurationMinutes
    ? true
    : false
  : false = true;
void durationsAgree;

export const ShareIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,40}$/, '出示记录编号不正确')
  .describe('One of my 出示 links');
export const ShareParamsSchema = z.object({ shareId: ShareIdSchema }).strict();

export const WalletShareCreatedSchema = z
  .object({
    shareId: ShareIdSchema,
    url: z.string().describe("The verifier's page with the token: what the QR code carries"),
    token: z.string().describe('Shown once; only its hash is kept'),
    expiresAt: z.iso.datetime(),
    fields: z.array(ShareFieldSchema),
    purpose: z.string(),
  })
  .meta({ id: 'WalletShareCreated' });
export type WalletShareCreated = z.infer<typeof WalletShareCreatedSchema>;

export const ShareUseSchema = z
  .object({ at: z.iso.datetime(), verifierName: z.string().describe('As the verifier typed it') })
  .meta({ id: 'ShareUse' });

export const WalletShareSchema = z
  .object({
    shareId: ShareIdSchema,
    itemId: WalletItemIdSchema,
    kind: WalletItemKindSchema,
    credentialName: z.string(),
    purpose: z.string(),
    fields: z.array(ShareFieldSchema),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    state: z.enum(['active', 'expired', 'revoked']),
    revokedAt: z.iso.datetime().optional(),
    uses: z.array(ShareUseSchema).describe('Who checked it and when, newest first'),
  })
  .meta({ id: 'WalletShare' });
export type WalletShare = z.infer<typeof WalletShareSchema>;

export const WalletShareListSchema = z.object({ items: z.array(WalletShareSchema) }).meta({ id: 'WalletShareList' });
export type WalletShareList = z.infer<typeof WalletShareListSchema>;

export const ShareVerifyRequestSchema = z
  .object({
    token: z.string().min(1).max(200).describe('From the link the holder showed'),
    verifierName: z
      .string()
      .trim()
      .min(2, '请填写核验方名称')
      .max(30, '核验方名称不超过 30 字')
      .describe('Who checks (a landlord, an employer): the holder sees it'),
  })
  .strict()
  .meta({ id: 'ShareVerifyRequest' });
export type ShareVerifyRequest = z.infer<typeof ShareVerifyRequestSchema>;

export const ShareVerifyResultSchema = z
  .object({
    result: z.enum(['valid', 'expired', 'revoked', 'unknown']),
    resultText: z.string(),
    checkedAt: z.iso.datetime(),
    credentialName: z.string().optional(),
    purpose: z.string().optional(),
    expiresAt: z.iso.datetime().optional(),
    fields: z
      .array(ShareFieldSchema.extend({ value: z.string() }))
      .optional()
      .describe('Only for a valid link: exactly the fields the holder chose'),
  })
  .meta({ id: 'ShareVerifyResult' });
export type ShareVerifyResult = z.infer<typeof ShareVerifyResultSchema>;
