import { createHash, timingSafeEqual } from 'node:crypto';

/** data_digest: base64 of the MD5 of the message (logistics_interface) followed by the partner's secret. */
export function emsDigest(logisticsInterface: string, secret: string): string {
  return createHash('md5')
    .update(logisticsInterface + secret, 'utf8')
    .digest('base64');
}

export function isEmsDigest(logisticsInterface: string, secret: string, digest: string): boolean {
  const expected = Buffer.from(emsDigest(logisticsInterface, secret));
  const given = Buffer.from(digest);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
