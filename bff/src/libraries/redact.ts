import { maskIdNumber, maskPhone } from '@suijing/shared/masking';

// Resident IDs and mobile numbers wherever they appear inside a string (URLs, messages).
const ID_IN_TEXT = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const PHONE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

// Both patterns need 11 digits in a row; most logged strings have none and skip the replacements.
const ELEVEN_DIGITS = /\d{11}/;

/** Masks any resident ID or mobile number found in free text. */
export function scrubText(text: string): string {
  if (text.length < 11 || !ELEVEN_DIGITS.test(text)) return text;
  return text.replace(ID_IN_TEXT, (id) => maskIdNumber(id)).replace(PHONE_IN_TEXT, (phone) => maskPhone(phone));
}
