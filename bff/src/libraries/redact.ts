import { maskIdNumber, maskPhone, maskPlate } from '@suijing/shared/masking';
import { PROVINCES } from '@suijing/shared/validators';

// Resident IDs and mobile numbers wherever they appear inside a string (URLs, messages).
const ID_IN_TEXT = /(?<![0-9A-Za-z])[1-9]\d{16}[\dXx](?![0-9A-Za-z])/g;
const PHONE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

// Both patterns need 11 digits in a row; most logged strings have none and skip the replacements.
const ELEVEN_DIGITS = /\d{11}/;

// A plate (粤A12345, 粤A·D12345) in free text; shaped like one is enough to be masked.
const PLATE_IN_TEXT = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Z]·?[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警港澳]{1,2}(?![A-Za-z0-9])`,
  'g',
);
const PROVINCE_CHAR = new RegExp(`[${PROVINCES}]`);

// A JWT (header and payload are base64url JSON, so both start "eyJ"), e.g. a token a client put in a URL.
const JWT_IN_TEXT = /eyJ[\w-]*\.eyJ[\w-]*\.[\w-]*/g;

// A position in a query string (halls near me): kept to two decimals, about a kilometre, so that
// logs say which district was asked about but never where the phone was.
const PRECISE_POSITION = /([?&](?:lat|lng)=-?\d{1,3}\.\d{2})\d+/g;

/** Masks any resident ID, mobile number or plate found in free text, coarsens positions, and removes any JWT. */
export function scrubText(text: string): string {
  let scrubbed = text.includes('eyJ') ? text.replace(JWT_IN_TEXT, '[REDACTED]') : text;
  if (scrubbed.includes('lat=') || scrubbed.includes('lng=')) scrubbed = scrubbed.replace(PRECISE_POSITION, '$1');
  if (scrubbed.length >= 7 && PROVINCE_CHAR.test(scrubbed)) {
    scrubbed = scrubbed.replace(PLATE_IN_TEXT, (plate) => maskPlate(plate));
  }
  if (scrubbed.length < 11 || !ELEVEN_DIGITS.test(scrubbed)) return scrubbed;
  return scrubbed.replace(ID_IN_TEXT, (id) => maskIdNumber(id)).replace(PHONE_IN_TEXT, (phone) => maskPhone(phone));
}

/** True when the text holds no ID number, phone, plate or token, i.e. scrubText would leave it as it is. */
export function holdsNothingPersonal(text: string): boolean {
  return scrubText(text) === text;
}
