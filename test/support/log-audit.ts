import { isValidIdNumber } from '@suijing/shared/validators';

/**
 * What must never reach a log line in full: resident ID numbers, mainland
 * mobile numbers, access tokens (JWTs), refresh tokens and payment trade numbers. Masked forms
 * (4401**********1234, 138****1234) do not match.
 */
const PATTERNS: Array<{ what: string; pattern: RegExp; check?: (match: string) => boolean }> = [
  { what: 'ID number', pattern: /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, check: (m) => isValidIdNumber(m) },
  { what: 'phone', pattern: /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g },
  { what: 'access token', pattern: /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/g },
  // <session id>.<secret>: two segments only, so a JWT (three) is not counted twice.
  { what: 'refresh token', pattern: /(?<![\w.-])[\w-]{20,}\.[\w-]{40,}(?![\w.-])/g },
  // Payments: our 商户订单号 and WeChat Pay's 28-digit transaction number are logged masked or not at all.
  { what: 'trade number', pattern: /(?<![0-9A-Za-z])SJ\d{8}[0-9A-F]{16}(?![0-9A-Za-z])/g },
  { what: 'transaction number', pattern: /(?<![0-9A-Za-z])4200\d{24}(?![0-9A-Za-z])/g },
];

/** Every personal number or token found in the lines, as "what: …excerpt…". */
export function leaksIn(lines: readonly string[]): string[] {
  const found: string[] = [];
  for (const line of lines) {
    for (const { what, pattern, check } of PATTERNS) {
      for (const match of line.matchAll(pattern)) {
        if (check && !check(match[0])) continue;
        const at = match.index ?? 0;
        found.push(`${what}: …${line.slice(Math.max(0, at - 60), at + match[0].length + 20)}…`);
      }
    }
  }
  return found;
}
