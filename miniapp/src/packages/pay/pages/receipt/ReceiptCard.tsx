import { View, Text } from '@tarojs/components';
import type { ReceiptCardView, ReceiptRow } from '../../services/receipt-view';

function Row({ label, value, id, strong }: ReceiptRow & { id?: string; strong?: boolean }): JSX.Element {
  return (
    <View className={strong ? 'receipt-table__row receipt-table__row--total' : 'receipt-table__row'}>
      <Text className="receipt-table__label">{label}</Text>
      <Text className="receipt-table__value" id={id} userSelect>
        {value}
      </Text>
    </View>
  );
}

/** The 电子票据 as a paper receipt: the same rows as the PDF, in the same order. */
export function ReceiptCard({ card }: { card: ReceiptCardView }): JSX.Element {
  return (
    <View className="receipt-paper" id="receipt-card">
      <Text className="receipt-paper__title">电子缴费票据</Text>
      <View className="receipt-paper__meta">
        <Text className="receipt-paper__meta-item">
          票据号：
          <Text id="receipt-no" userSelect>
            {card.receiptNo}
          </Text>
        </Text>
        <Text className="receipt-paper__meta-item" id="receipt-issued-at">
          开具时间：{card.issuedAt}
        </Text>
      </View>
      <View className="receipt-table">
        <Row label="缴费项目" value={card.title} id="receipt-title" />
        <Row label={card.referenceLabel} value={card.reference} id="receipt-reference" />
        {card.lines.map((line, index) => (
          <Row key={`${line.label}-${index}`} label={line.label} value={line.value} id={`receipt-line-${index}`} />
        ))}
        <Row label="合计（小写）" value={card.totalText} id="receipt-amount" strong />
        <Row label="合计（大写）" value={card.totalCapitals} id="receipt-capitals" strong />
        <Row label="支付渠道" value={card.platformText} id="receipt-platform" />
        <Row label="交易号" value={card.tradeNoMasked} id="receipt-trade-no" />
        <Row label="缴费时间" value={card.paidAt} id="receipt-paid-at" />
      </View>
      {card.refunds.length > 0 ? (
        <View className="receipt-table receipt-table--refunds" id="receipt-refunds">
          {card.refunds.map((refund, index) => (
            <Row key={`${refund.label}-${index}`} label={refund.label} value={refund.value} />
          ))}
        </View>
      ) : null}
      <View className="receipt-paper__seal" aria-hidden>
        <Text className="receipt-paper__seal-text">已缴费</Text>
      </View>
      <Text className="receipt-paper__note">本票据根据支付平台的支付结果开具，可在穗警通“我的缴费”中查看和下载。</Text>
    </View>
  );
}
