import { createCipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/**
 * WeChat Pay API v3 signatures, as the platform applies them.
 * Requests: `Authorization: WECHATPAY2-SHA256-RSA2048 mchid="..",nonce_str="..",signature="..",timestamp="..",serial_no=".."`,
 * the signature being SHA256-with-RSA (PKCS#1 v1.5, base64) of "METHOD\nURL\ntimestamp\nnonce\nbody\n" under the
 * merchant's key. Answers and notifications: Wechatpay-Timestamp/-Nonce/-Signature/-Serial over
 * "timestamp\nnonce\nbody\n" under the platform's key (微信支付公钥 mode: the serial is the PUB_KEY_ID).
 */
export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export interface Authorization {
  mchid: string;
  nonceStr: string;
  signature: string;
  timestamp: string;
  serialNo: string;
}

/** The Authorization header's fields, or undefined when it is absent or not of the v3 schema. */
export function parseAuthorization(header: string | undefined): Authorization | undefined {
  if (header === undefined || !header.startsWith(`${AUTH_SCHEMA} `)) return undefined;
  const fields = new Map<string, string>();
  for (const match of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    fields.set(match[1] ?? '', match[2] ?? '');
  }
  const mchid = fields.get('mchid');
  const nonceStr = fields.get('nonce_str');
  const signature = fields.get('signature');
  const timestamp = fields.get('timestamp');
  const serialNo = fields.get('serial_no');
  if (!mchid || !nonceStr || !signature || !timestamp || !serialNo) return undefined;
  return { mchid, nonceStr, signature, timestamp, serialNo };
}

export function requestMessage(method: string, url: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function rsaSign(privateKey: string, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function rsaVerify(publicKey: string, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    // A key or signature that does not even parse is a bad signature, not a crash.
    return false;
  }
}

/** A 32-character nonce, as the platform's (upper-case hex). */
export function newNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export interface PlatformKey {
  privateKey: string;
  keyId: string;
}

/** The Wechatpay-* headers of an answer or a notification body, stamped at `nowMs`. */
export function platformHeaders(key: PlatformKey, body: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  const nonce = newNonce();
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Signature': rsaSign(key.privateKey, `${timestamp}\n${nonce}\n${body}\n`),
    'Wechatpay-Serial': key.keyId,
  };
}

/** The encrypted resource of a notification: AEAD_AES_256_GCM under the API v3 key, tag appended to the ciphertext. */
export interface EncryptedResource {
  original_type: string;
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  nonce: string;
}

export function encryptResource(
  apiV3Key: string,
  originalType: string,
  associatedData: string,
  plaintext: string,
): EncryptedResource {
  // 12 printable characters: the platform's nonces are strings, used as their UTF-8 bytes.
  const nonce = randomBytes(9).toString('base64url');
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    original_type: originalType,
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: encrypted.toString('base64'),
    associated_data: associatedData,
    nonce,
  };
}
