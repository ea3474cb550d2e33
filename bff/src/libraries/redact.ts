import { maskIdNumber, maskPhone } from '@suijing/shared/masking';

// Resident IDs and mobile numbers wherever they appear inside a string (URLs, messages).
const ID_IN_TEXT = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const PHONE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

// Both patterns need 11 digits in a row; most logged strings have none and skip the replacements.
const ELEVEN_DIGITS = /\d{11}/;

// A JWT (header and payload are base64url JSON, so both start "eyJ"), e.g. a token a client put in a URL.
const JWT_IN_TEXT = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/g;

/** Masks any resident ID or mobile number found in free text, and removes any JWT. */
export function scrubText(text: string): string {
  const scrubbed = text.includes('eyJ') ? text.replace(JWT_IN_TEXT, '[REDACTED]') : text;
  if (scrubbed.length < 11 || !ELEVEN_DIGITS.test(scrubbed)) return scrubbed;
  return scrubbed.replace(ID_IN_TEXT, (id) => maskIdNumber(id)).replace(PHONE_IN_TEXT, (phone) => maskPhone(phone));
}
