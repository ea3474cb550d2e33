/**
 * The 车驾管 database has CHAR columns sized in GBK bytes (a Chinese
 * character takes two), and its gateway hands the columns out as stored:
 * names, brands and places arrive right-padded with spaces. The BFF trims;
 * the sandbox pads so that it has to.
 */
export const COLUMN_BYTES = {
  xm: 30,
  syr: 60,
  clpp: 32,
  clxh: 32,
  wfdz: 128,
  wfms: 200,
  cjjgmc: 128,
  dyqr: 128,
} as const;

/** Bytes a string takes in GBK: two per character beyond ASCII. */
export function gbkBytes(value: string): number {
  let bytes = 0;
  for (const char of value) bytes += char.charCodeAt(0) > 0x7f ? 2 : 1;
  return bytes;
}

/** Right-pads to the column width (a longer value is kept whole: the sandbox never truncates data). */
export function padColumn(value: string, column: keyof typeof COLUMN_BYTES): string {
  return value + ' '.repeat(Math.max(0, COLUMN_BYTES[column] - gbkBytes(value)));
}
