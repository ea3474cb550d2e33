/**
 * 大写金额: how a receipt writes an amount in capitals. One implementation
 * for the BFF's PDF receipt and the mini-program's receipt card.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const GROUPS = ['元', '万', '亿'];
const PLACES = ['', '拾', '佰', '仟'];

/** 12050 fen -> 壹佰贰拾元伍角: the amount in capitals, as a receipt writes it. */
export function amountInCapitals(fen: number): string {
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let text = `${jiao ? `${DIGITS[jiao]}角` : ''}${cents ? `${DIGITS[cents]}分` : ''}` || '整';
  let rest = Math.floor(fen / 100);
  for (let group = 0; group < GROUPS.length && rest > 0; group += 1) {
    let part = '';
    for (let place = 0; place < PLACES.length && rest > 0; place += 1) {
      part = `${DIGITS[rest % 10]}${PLACES[place]}${part}`;
      rest = Math.floor(rest / 10);
    }
    text = `${part.replace(/(零.)*零$/, '').replace(/^$/, '零')}${GROUPS[group]}${text}`;
  }
  return text
    .replace(/(零.)*零元/, '元')
    .replace(/(零.)+/g, '零')
    .replace(/^整$/, '零元整')
    .replace(/^元/, '');
}
