import { z } from 'zod';

/**
 * 我的居住证: 居住登记, the 居住证 with its yearly 签注, the 电子居住证 with its
 * rotating QR, and what the person may apply for next (with the rule's reason
 * when not). Days are yyyy-MM-dd (China calendar days).
 */

export const PermitStatusSchema = z
  .enum(['valid', 'suspended', 'expired', 'replaced'])
  .describe('有效; 中止 (a 签注 is overdue: a late 签注 restores it); 过期; 已换领/作废')
  .meta({ id: 'PermitStatus' });

export const ResidenceActionSchema = z
  .enum(['register', 'apply', 'endorse', 'reissue', 'renew'])
  .describe('居住登记, 申领, 签注, 补领 (lost), 换领 (damaged, changed or expiring)')
  .meta({ id: 'ResidenceAction' });

export const EndorsementSchema = z
  .object({
    on: z.string().describe('签注日期'),
    anniversary: z.string().describe('The anniversary of the issue date (the residence year) this 签注 is for'),
  })
  .meta({ id: 'Endorsement' });

export const EndorsementWindowSchema = z
  .object({
    anniversary: z.string().describe('The residence year due or next ends on this day (the last day on time)'),
    opensOn: z.string().describe('签注 may be made from this day on (one month before)'),
    endorsed: z.boolean().describe('This year is endorsed already (one 签注 per residence year)'),
  })
  .meta({ id: 'EndorsementWindow' });

export const ResidencePermitSchema = z
  .object({
    numberMasked: z.string(),
    issuer: z.string().describe('签发机关'),
    issuedOn: z.string(),
    validUntil: z.string(),
    status: PermitStatusSchema,
    statusText: z.string().describe('有效 / 中止（请签注）/ 已过期 / 已换领, in words'),
    endorsements: z.array(EndorsementSchema).describe('签注记录, oldest first'),
    endorsedUntil: z
      .string()
      .describe('The permit is in force until this day without another 签注 (its expiry once every year is endorsed)'),
    endorsementWindow: EndorsementWindowSchema.optional().describe('Absent when no 签注 is left before expiry'),
  })
  .meta({ id: 'ResidencePermit' });
export type ResidencePermit = z.infer<typeof ResidencePermitSchema>;

export const ResidenceRegistrationSchema = z
  .object({
    address: z.string().describe('Full to its owner; the district only to a family member'),
    districtName: z.string().optional(),
    registeredOn: z.string(),
    active: z.boolean(),
    monthsLived: z.number().int().describe('Whole months since registering (6 are needed to apply)'),
  })
  .meta({ id: 'ResidenceRegistration' });

export const ResidenceActionOptionSchema = z
  .object({
    action: ResidenceActionSchema,
    itemCode: z.string().describe('The catalog item to apply with (its form)'),
    itemName: z.string(),
    allowed: z.boolean(),
    reason: z.string().optional().describe('When not allowed: why, and what to do instead'),
  })
  .meta({ id: 'ResidenceActionOption' });

export const ResidenceOverviewSchema = z
  .object({
    hukouLocal: z.boolean().describe('户籍在广州: no 居住证 is needed'),
    hukouRegionName: z.string().optional().describe('户籍地, e.g. 湖南省长沙市芙蓉区'),
    registrations: z.array(ResidenceRegistrationSchema).describe('居住登记, newest first'),
    permit: ResidencePermitSchema.optional(),
    actions: z
      .array(ResidenceActionOptionSchema)
      .describe('What may be applied for now (items the catalog publishes online), each with its reason when not'),
  })
  .meta({ id: 'ResidenceOverview' });
export type ResidenceOverview = z.infer<typeof ResidenceOverviewSchema>;

export const ResidencePermitCardSchema = z
  .object({
    name: z.string(),
    numberMasked: z.string(),
    issuer: z.string(),
    issuedOn: z.string(),
    validUntil: z.string(),
    endorsedUntil: z.string(),
    status: PermitStatusSchema,
    statusText: z.string(),
    endorsements: z.array(EndorsementSchema),
    districtName: z.string().optional().describe('居住地区县 of the active 居住登记'),
    generatedAt: z.string().describe('ISO time the card was generated'),
    qr: z
      .object({
        payload: z.string().describe('Sealed by the BFF; a verifier checks it at /verify/residence-permit'),
        expiresAt: z.string(),
        refreshAfterSeconds: z.number().int(),
      })
      .optional()
      .describe('Only while the permit is valid (a suspended or expired permit shows its status, no code)'),
  })
  .meta({ id: 'ResidencePermitCard' });
export type ResidencePermitCard = z.infer<typeof ResidencePermitCardSchema>;

export const ResidencePermitVerifyRequestSchema = z
  .object({ payload: z.string().min(1).max(2000) })
  .strict()
  .meta({ id: 'ResidencePermitVerifyRequest' });

export const ResidencePermitVerifyResultSchema = z
  .object({
    result: z.enum(['valid', 'expired', 'forged']),
    resultText: z.string().describe('电子居住证有效 / 二维码已过期，请持证人刷新 / 无效或被篡改'),
    checkedAt: z.string(),
    holder: z
      .object({
        name: z.string().describe('Masked: only the surname'),
        numberMasked: z.string(),
        issuer: z.string(),
        validUntil: z.string(),
        endorsedUntil: z.string(),
      })
      .optional()
      .describe('Only for a valid payload'),
  })
  .meta({ id: 'ResidencePermitVerifyResult' });
export type ResidencePermitVerifyResult = z.infer<typeof ResidencePermitVerifyResultSchema>;
