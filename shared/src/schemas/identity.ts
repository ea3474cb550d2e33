import { z } from 'zod';
import { isValidIdNumber, isValidPersonName } from '../validators';

export const PersonNameSchema = z
  .string()
  .trim()
  .refine(isValidPersonName, { message: '请填写与身份证件一致的姓名' })
  .describe('Name as on the ID card');

export const IdNumberSchema = z
  .string()
  .trim()
  .transform((value) => value.toUpperCase())
  .refine(isValidIdNumber, { message: '请填写有效的 18 位居民身份证号码' })
  .describe('GB 11643 resident ID number');

export const IdentityVerifyRequestSchema = z
  .object({ name: PersonNameSchema, idNumber: IdNumberSchema })
  .strict()
  .meta({ id: 'IdentityVerifyRequest' });
export type IdentityVerifyRequest = z.infer<typeof IdentityVerifyRequestSchema>;

export const FaceCheckStartSchema = z
  .object({
    verifyId: z.string().describe('For wx.requestFacialVerify; in the browser the sandbox stands in for the camera'),
    expiresInSeconds: z.number().int(),
  })
  .meta({ id: 'FaceCheckStart' });
export type FaceCheckStart = z.infer<typeof FaceCheckStartSchema>;

export const FaceCheckResultRequestSchema = z
  .object({ verifyId: z.string().min(1).max(128) })
  .strict()
  .meta({ id: 'FaceCheckResultRequest' });

export const IdentityStatusSchema = z
  .object({
    realNameStatus: z.enum(['unverified', 'verified']),
    nameMasked: z.string().optional().describe('张*'),
    idNumberMasked: z.string().optional().describe('4401**********1234'),
    method: z.enum(['register', 'face']).optional().describe('How it was verified: 二要素 or 人脸核身'),
    verifiedAt: z.string().optional(),
  })
  .meta({ id: 'IdentityStatus' });
export type IdentityStatus = z.infer<typeof IdentityStatusSchema>;
