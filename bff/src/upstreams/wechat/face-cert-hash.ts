import { createHash } from 'node:crypto';

/**
 * cert_hash for WeChat's queryVerifyInfo, as WeChat documents it: cert_type,
 * cert_name and cert_no each in standard base64 (of UTF-8), joined as
 * `cert_type=…&cert_name=…&cert_no=…`, then SHA-256 in lower-case hex.
 * WeChat compares it with the cert_info given to getVerifyId, so an identity
 * cannot be swapped between the two calls.
 */
export function faceCertHash(name: string, idNumber: string, certType = 'IDENTITY_CARD'): string {
  const b64 = (value: string) => Buffer.from(value, 'utf8').toString('base64');
  return createHash('sha256')
    .update(`cert_type=${b64(certType)}&cert_name=${b64(name)}&cert_no=${b64(idNumber)}`)
    .digest('hex');
}
