import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromCompactDateTime, toCompactDateTime } from '@suijing/shared';
import { z } from 'zod';
import type { InPersonFailureReason, InPersonOutcome } from '../in-person';

/**
 * The trusted identity platform (互联网可信身份认证平台, 网证/CTID): the person
 * authorises a check of their face against their ID record in the
 * 国家网络身份认证 App (opened by a jump URL, or by scanning a QR).
 *
 * Every call and answer is an envelope {bizPackage: "<JSON text>", sign}, where
 * sign = lower-case hex HMAC-SHA256(appSecret, bizPackage text). timeStamp is
 * yyyyMMddHHmmssSSS Beijing time and must be within 5 minutes of the platform's clock.
 *   POST /ctid/v1/auth/apply   {appId, timeStamp, bizSerialNum, authMode: "0x42", sfxx: {xm, gmsfhm}, returnUrl?}
 *        -> {success: true, bizSerialNum, businessSerialNumber, authUrl, qrCode, expiresIn}
 *   POST /ctid/v1/auth/result  {appId, timeStamp, bizSerialNum, businessSerialNumber}
 *        -> {success: true, bizSerialNum, businessSerialNumber, authMode, authStatus, authResult?, resultTime?}
 *   refusals -> {success: false, errorCode, errorDesc} (signed only when the caller's signature was good).
 * Full description: sandbox/README.md.
 */

export const CTID_AUTH_MODE_FACE = '0x42';

export const CtidEnvelopeSchema = z.object({ bizPackage: z.string().min(2), sign: z.string() });

const Refusal = z.object({ success: z.literal(false), errorCode: z.string(), errorDesc: z.string().optional() });

export const ApplyPackageSchema = z.union([
  z.object({
    success: z.literal(true),
    bizSerialNum: z.string(),
    businessSerialNumber: z.string().min(1),
    authUrl: z.url({ protocol: /^https?$/ }),
    qrCode: z.string().min(1),
    expiresIn: z.number().int().positive(),
  }),
  Refusal,
]);

export const ResultPackageSchema = z.union([
  z.object({
    success: z.literal(true),
    bizSerialNum: z.string(),
    businessSerialNumber: z.string(),
    authMode: z.string(),
    authStatus: z.string(),
    authResult: z.string().optional(),
    resultTime: z.string().optional(),
  }),
  Refusal,
]);

export const CTID_ERROR_CODES = {
  BAD_SIGNATURE: 'E1001',
  BAD_TIMESTAMP: 'E1002',
  BAD_PARAMS: 'E1003',
  UNSUPPORTED_MODE: 'E1004',
  BAD_ID_NUMBER: 'E1005',
  SERIAL_USED: 'E1006',
  /** Unknown, already read, or not this bizSerialNum's. */
  NO_SUCH_REQUEST: 'E2001',
  BUSY: 'E9999',
} as const;

export function ctidSign(appSecret: string, bizPackage: string): string {
  return createHmac('sha256', appSecret).update(bizPackage, 'utf8').digest('hex');
}

export function isCtidSignature(appSecret: string, bizPackage: string, sign: string): boolean {
  const expected = Buffer.from(ctidSign(appSecret, bizPackage), 'utf8');
  const presented = Buffer.from(sign.toLowerCase(), 'utf8');
  return expected.length === presented.length && timingSafeEqual(expected, presented);
}

/** yyyyMMddHHmmssSSS, Beijing time. */
export function ctidTimeStamp(instant: Date): string {
  return `${toCompactDateTime(instant)}${String(instant.getUTCMilliseconds()).padStart(3, '0')}`;
}

export function parseCtidTimeStamp(value: string | undefined): Date | undefined {
  if (value === undefined || !/^\d{17}$/.test(value)) return undefined;
  const seconds = fromCompactDateTime(value.slice(0, 14));
  return seconds ? new Date(seconds.getTime() + Number(value.slice(14))) : undefined;
}

/**
 * authResult: four characters, one per factor, X = not executed.
 * 1 身份信息: 0 valid, 5 invalid, others system trouble.
 * 2 人像: 0 同一人, 1 非同一人, 2 疑似, F 建模失败 / G 质量不合格 / J 小于5K (no usable face),
 *   I 活体检测数据校验失败, W 该笔认证超时, others (B, D, E, H, K, T, ...) trouble on the platform's side.
 * 3 网证, 4 reserved: 0 or X when fine.
 * AAAA..FFFF and XXXX are whole-request exceptions.
 */
const FACE_FAILURES: Readonly<Record<string, InPersonFailureReason>> = {
  '1': 'not-same-person',
  F: 'no-face',
  G: 'no-face',
  J: 'no-face',
  I: 'liveness',
  W: 'timeout',
};

export type ResultPackage = Extract<z.output<typeof ResultPackageSchema>, { success: true }>;

/** Our outcome for an answered result query (anything undocumented is 'other'). */
export function ctidOutcomeOf(answer: ResultPackage): InPersonOutcome {
  switch (answer.authStatus) {
    case 'WAITING':
      return { kind: 'pending' };
    case 'CANCELLED':
      return failed('cancelled');
    case 'EXPIRED':
      return failed('expired');
    case 'DONE':
      return doneOutcome(answer);
    default:
      return failed('other');
  }
}

function doneOutcome(answer: ResultPackage): InPersonOutcome {
  const code = answer.authResult ?? '';
  if (!/^[0-9A-Z]{4}$/.test(code)) return failed('other');
  const [identity, face, credential, reserved] = [...code];
  // Not a valid identity, or a whole-request exception (AAAA..FFFF, XXXX).
  if (identity !== '0') return failed('other');
  if (face !== '0') return failed((face === undefined ? undefined : FACE_FAILURES[face]) ?? 'other');
  const checkedAt = parseCtidTimeStamp(answer.resultTime);
  // A pass must be of the face mode, clean in every other factor, and say when it happened.
  if (answer.authMode.toLowerCase() !== CTID_AUTH_MODE_FACE || !checkedAt) return failed('other');
  if (!/^[0X]$/.test(credential ?? '') || !/^[0X]$/.test(reserved ?? '')) return failed('other');
  return { kind: 'passed', checkedAt };
}

function failed(reason: InPersonFailureReason): InPersonOutcome {
  return { kind: 'failed', reason };
}
