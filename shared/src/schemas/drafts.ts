import { z } from 'zod';
import { ItemCodeSchema } from './catalog';
import { FamilyLinkIdSchema } from './family';

/** Most fields a draft may hold; forms have far fewer. */
const MAX_DRAFT_FIELDS = 100;
const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;

export const FormValueSchema = z.union([
  z.string().max(2000, '单项内容过长'),
  z.array(z.string().max(200, '选项内容过长')).max(50, '选项过多'),
]);

export const FormDataSchema = z
  .record(z.string().regex(FIELD_KEY, '字段名不正确'), FormValueSchema)
  .refine((data) => Object.keys(data).length <= MAX_DRAFT_FIELDS, { message: '填写的项目过多' })
  // The key rule and the refinement, stated in the contract.
  .meta({ maxProperties: MAX_DRAFT_FIELDS, propertyNames: { pattern: FIELD_KEY.source } })
  .describe('Field key -> value, as in the item form');

/** A family member I act for (我的家人), by the id the family list gives; never their ID number. */
export const ActingMemberIdSchema = FamilyLinkIdSchema.describe(
  'A family member (GET /family memberId) the case is for; absent: for myself',
);

export const DraftSaveRequestSchema = z
  .object({
    data: FormDataSchema,
    formVersion: z.string().max(40).describe('The form version the data was typed against'),
  })
  .strict()
  .meta({ id: 'DraftSaveRequest' });
export type DraftSaveRequest = z.infer<typeof DraftSaveRequestSchema>;

export const DraftSchema = z
  .object({
    itemCode: z.string(),
    itemName: z.string(),
    formVersion: z.string(),
    data: FormDataSchema,
    memberId: z.string().optional().describe('The family member this draft is for (代办); absent: for myself'),
    /** Increases with every save, so a device can tell that another one saved since. */
    revision: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Draft' });
export type Draft = z.infer<typeof DraftSchema>;

export const DraftListSchema = z
  .object({ drafts: z.array(DraftSchema.omit({ data: true })) })
  .meta({ id: 'DraftList' });
export type DraftList = z.infer<typeof DraftListSchema>;

export const DraftParamsSchema = z.object({ itemCode: ItemCodeSchema }).strict();

/** Which draft of an item: mine (no memberId) or the one I keep for a family member. */
export const DraftQuerySchema = z.object({ memberId: ActingMemberIdSchema.optional() }).strict();
export type DraftQuery = z.infer<typeof DraftQuerySchema>;
