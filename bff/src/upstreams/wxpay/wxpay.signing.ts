import { createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/**
 * The v3 signature rules (SHA256 with RSA, PKCS#1 v1.5, base64), each over a message of lines
 * ending in "\n": requests "METHOD\nURL\ntimestamp\nnonce\nbody\n" with the merchant key in the
 * Authorization header; answers and notifications "timestamp\nnonce\nbody\n" with the platform
 * key (Wechatpay-* headers); wx.requestPayment "appId\ntimeStamp\nnonceStr\npackage\n".
 */
export const AUTH_SCHEMA = 'WECHATPAY2-SHA256-RSA2048';

export function signMessage(privateKey: string, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function verifyMessage(publicKey: string, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    // A signature that is not even base64 of the right size is simply not a good one.
    return false;
  }
}

export function newNonce(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

export function requestMessage(method: string, url: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

export function answerMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

export function paySignMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`;
}

export interface MerchantKey {
  mchid: string;
  serialNo: string;
  privateKey: string;
}

/** The Authorization header of one request; `url` is the path with its query, exactly as sent. */
export function authorization(
  key: MerchantKey,
  request: { method: string; url: string; body: string; timestamp: string; nonce: string },
): string {
  const signature = signMessage(
    key.privateKey,
    requestMessage(request.method, request.url, request.timestamp, request.nonce, request.body),
  );
  return `${AUTH_SCHEMA} mchid="${key.mchid}",nonce_str="${request.nonce}",signature="${signature}",timestamp="${request.timestamp}",serial_no="${key.serialNo}"`;
}

/**
 * AEAD_AES_256_GCM with the API v3 key: the ciphertext is base64 of the encrypted bytes followed by the
 * 16-byte tag; nonce and associated data are used as their UTF-8 bytes. Undefined when it does not open.
 */
export function decryptResource(
  apiV3Key: string,
  resource: { ciphertext: string; nonce: string; associated_data?: string | undefined },
): string | undefined {
  const bytes = Buffer.from(resource.ciphertext, 'base64');
  if (bytes.length <= 16) return undefined;
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(resource.nonce, 'utf8'),
    );
    decipher.setAAD(Buffer.from(resource.associated_data ?? '', 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    // A failed tag check throws: tampered, or encrypted with another key.
    return undefined;
  }
}
