import { amountInCapitals, beijingMinute } from '@suijing/shared';
import { A4, onePagePdf, textWidth, type PdfItem } from '../../libraries/simple-pdf';

/** What a 电子票据 shows; personal and trade numbers arrive masked. */
export interface ReceiptContent {
  receiptNo: string;
  payerMasked: string;
  /** 违法行为 or 事项名称. */
  title: string;
  /** 决定书编号 or 办件编号. */
  reference: string;
  referenceLabel: string;
  lines: ReadonlyArray<{ label: string; amountFen: number }>;
  amountFen: number;
  platformName: string;
  tradeNoMasked: string;
  paidAt: Date;
  department: string;
}

/** Full-width ￥: GB1 has it, not the Latin-1 ¥. */
const yuan = (fen: number): string => `￥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** 12 pt, or smaller down to 7 pt so a long text (a 违法行为 can run to 40 characters) stays in its cell. */
function fitted(text: string, width: number): number {
  return Math.max(7, Math.min(12, (12 * width) / textWidth(text, 12)));
}

/** One page: the title, a framed table of label and value rows, the total in figures and in capitals. */
export function receiptPdf(receipt: ReceiptContent): Buffer {
  const items: PdfItem[] = [];
  const left = 70;
  const right = A4.width - 70;
  const title = '电子缴费票据';
  items.push({ kind: 'text', x: (A4.width - textWidth(title, 22)) / 2, y: 760, size: 22, text: title });
  items.push({ kind: 'text', x: left, y: 720, size: 10, text: `票据号：${receipt.receiptNo}` });
  const issued = `开具时间：${beijingMinute(receipt.paidAt)}`;
  items.push({ kind: 'text', x: right - textWidth(issued, 10), y: 720, size: 10, text: issued });
  const rows: Array<[string, string]> = [
    ['缴款人', receipt.payerMasked],
    ['缴费项目', receipt.title],
    [receipt.referenceLabel, receipt.reference],
    ...receipt.lines.map((line): [string, string] => [line.label, yuan(line.amountFen)]),
    ['合计（小写）', yuan(receipt.amountFen)],
    ['合计（大写）', `人民币${amountInCapitals(receipt.amountFen)}`],
    ['支付渠道', receipt.platformName],
    ['交易号', receipt.tradeNoMasked],
    ['缴费时间', beijingMinute(receipt.paidAt)],
    ['收款单位', receipt.department],
  ];
  const rowHeight = 28;
  const top = 705;
  const divider = left + 110;
  const bottom = top - rows.length * rowHeight;
  items.push({ kind: 'line', from: [left, top], to: [right, top], width: 1 });
  rows.forEach(([label, value], index) => {
    const baseline = top - index * rowHeight - 19;
    items.push({ kind: 'text', x: left + 10, y: baseline, size: fitted(label, divider - left - 20), text: label });
    items.push({ kind: 'text', x: divider + 10, y: baseline, size: fitted(value, right - divider - 20), text: value });
    const y = top - (index + 1) * rowHeight;
    items.push({ kind: 'line', from: [left, y], to: [right, y], width: index === rows.length - 1 ? 1 : 0.5 });
  });
  items.push({ kind: 'line', from: [left, top], to: [left, bottom], width: 1 });
  items.push({ kind: 'line', from: [divider, top], to: [divider, bottom], width: 0.5 });
  items.push({ kind: 'line', from: [right, top], to: [right, bottom], width: 1 });
  items.push({
    kind: 'text',
    x: left,
    y: bottom - 30,
    size: 10,
    text: '本票据根据支付平台的支付结果开具，可在穗警通“我的缴费”中查看和下载。',
  });
  return onePagePdf(items, { title: `${title} ${receipt.receiptNo}`, producer: '穗警通' });
}
