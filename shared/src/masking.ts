/**
 * Masking of personal numbers for screens and logs. Each helper masks
 * anything it does not recognise completely, so no input leaks in full.
 */

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  const chars = Array.from(value);
  if (chars.length <= keepStart + keepEnd) return '*'.repeat(Math.max(chars.length, 4));
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + '*'.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}

/** 440105199001011234 -> 4401**********1234 */
export function maskIdNumber(value: string): string {
  return maskMiddle(value, 4, 4);
}

/** 13812341234 -> 138****1234 */
export function maskPhone(value: string): string {
  return maskMiddle(value, 3, 4);
}

/** 粤A12345 -> 粤A·***45 */
export function maskPlate(value: string): string {
  const plate = Array.from(value.replace(/[·\s]/g, ''));
  // Four or fewer characters would show in full: hide them all.
  if (plate.length <= 4) return '****';
  return `${plate.slice(0, 2).join('')}·${'*'.repeat(plate.length - 4)}${plate.slice(-2).join('')}`;
}

/** 张三 -> 张*, 欧阳娜娜 -> 欧阳**: only the surname shows. */
export function maskName(value: string): string {
  const chars = Array.from(value.trim());
  // A single character is all surname: showing it would show the whole input.
  if (chars.length <= 1) return '*';
  const keep = chars.length >= 4 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}
