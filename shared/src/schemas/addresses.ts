import { z } from 'zod';
import { isValidPersonName, isValidPhone } from '../validators';

/** How many addresses one user may keep. */
export const MAX_ADDRESSES = 20;

export const AddressIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,32}$/, '地址编号不正确')
  .describe('An address of my book');
export const AddressIdParamsSchema = z.object({ id: AddressIdSchema }).strict();

const recipient = z
  .string()
  .trim()
  .refine(isValidPersonName, '请填写收件人姓名（2-30 个汉字或字母）')
  .describe('收件人');
const mobile = z.string().trim().refine(isValidPhone, '请填写正确的 11 位手机号码').describe('收件人手机号码');
const addressFields = {
  recipient,
  districtCode: z
    .string()
    .regex(/^\d{6}$/, '请选择所在地区')
    .describe('区县 code (GB/T 2260, from the region table); province and city follow from it'),
  detail: z
    .string()
    .trim()
    .min(5, '请填写详细地址，精确到门牌号')
    .max(100, '详细地址不超过 100 字')
    .describe('街道、门牌号'),
  isDefault: z.boolean().default(false).describe('Make it my default address'),
};

/** What I type for a new address: the district fixes province and city (codes of shared/regions). */
export const AddressInputSchema = z
  .object({ ...addressFields, mobile })
  .strict()
  .meta({ id: 'AddressInput' });
/** As the client sends it (isDefault optional). */
export type AddressInput = z.input<typeof AddressInputSchema>;

/** A change: the mobile only when it changes (answers never carry it in full, so the form cannot send it back). */
export const AddressUpdateSchema = z
  .object({ ...addressFields, mobile: mobile.optional() })
  .strict()
  .meta({ id: 'AddressUpdate' });
export type AddressUpdate = z.input<typeof AddressUpdateSchema>;
/** As the API reads a change (isDefault filled in). */
export type AddressChange = z.output<typeof AddressUpdateSchema>;
/** As the API reads a new address (isDefault filled in). */
export type AddressFields = z.output<typeof AddressInputSchema>;

const regionPart = z.object({ code: z.string(), name: z.string() });

/** One address for its edit view: everything but the mobile, which stays masked (send a new one to change it). */
export const AddressSchema = z
  .object({
    id: AddressIdSchema,
    recipient: z.string(),
    mobile: z.string().describe('Masked: 139****5678'),
    province: regionPart,
    city: regionPart,
    district: regionPart,
    detail: z.string(),
    isDefault: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Address' });
export type Address = z.infer<typeof AddressSchema>;

/** One address in a list: masked (张*, 138****1234, the street without its number). */
export const AddressSummarySchema = z
  .object({
    id: AddressIdSchema,
    recipient: z.string().describe('Masked: 张*'),
    mobile: z.string().describe('Masked: 138****1234'),
    region: z.string().describe('广东省广州市天河区'),
    detail: z.string().describe('Shortened and masked: 天河路****'),
    isDefault: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'AddressSummary' });
export type AddressSummary = z.infer<typeof AddressSummarySchema>;

export const AddressListSchema = z
  .object({
    items: z.array(AddressSummarySchema).describe('The default first, then the most recently changed'),
    limit: z.number().int().describe('How many addresses I may keep'),
  })
  .meta({ id: 'AddressList' });
export type AddressList = z.infer<typeof AddressListSchema>;
