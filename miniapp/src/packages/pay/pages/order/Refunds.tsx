import { View, Text } from '@tarojs/components';
import type { RefundView } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';
import { fenText } from '@/utils/money';

const REFUND_STATE: Readonly<Record<RefundView['state'], { text: string; tone: string }>> = {
  processing: { text: '退款中', tone: 'sj-badge--primary' },
  refunded: { text: '已退款', tone: 'sj-badge--success' },
  failed: { text: '退款异常', tone: 'sj-badge--danger' },
};

/** The refunds of an order: why, how much, and where each stands. */
export function Refunds({ refunds }: { refunds: readonly RefundView[] }): JSX.Element {
  return (
    <View className="sj-card" id="order-refunds">
      <Text className="order-section__title">退款</Text>
      {refunds.map((refund, index) => (
        <View className="order-refund" key={`${refund.requestedAt}-${index}`} id={`order-refund-${index}`}>
          <View className="order-refund__head">
            <Text className="order-refund__amount">{fenText(refund.amountFen)}</Text>
            <Text className={`sj-badge ${REFUND_STATE[refund.state].tone}`}>{REFUND_STATE[refund.state].text}</Text>
          </View>
          <Text className="order-refund__line">原因：{refund.reason}</Text>
          <Text className="order-refund__line">申请时间：{formatDateTime(refund.requestedAt)}</Text>
          {refund.refundedAt ? (
            <Text className="order-refund__line">到账时间：{formatDateTime(refund.refundedAt)}</Text>
          ) : null}
        </View>
      ))}
      {refunds.some((refund) => refund.state === 'failed') ? (
        <Text className="sj-hint order-refund__help">退款遇到问题，工作人员会尽快处理；如有疑问请拨打 12345。</Text>
      ) : null}
    </View>
  );
}
