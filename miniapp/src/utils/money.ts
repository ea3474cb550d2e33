/**
 * Money as people read it: ¥120.00. Amounts travel as integer fen
 * everywhere (contract, BFF); this is the one place they turn into yuan.
 */
export function fenText(fen: number): string {
  const whole = Math.trunc(Math.abs(fen));
  const sign = fen < 0 ? '-' : '';
  const yuan = Math.floor(whole / 100);
  const cents = String(whole % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}
