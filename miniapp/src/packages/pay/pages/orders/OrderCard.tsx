import { View, Text } from '@tarojs/components';
import type { PaymentOrderList } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';
import { fenText } from '@/utils/money';
import { goTo, payOrderUrl } from '@/utils/navigation';
import { StateTag } from '../../components/StateTag';
import { referenceLabel } from '../../utils/order-thing';

type OrderItem = PaymentOrderList['items'][number];

/** One order in 我的缴费: what, state, amount, when; opens its details. */
export function OrderCard({ order }: { order: OrderItem }): JSX.Element {
  const id = `order-${order.id}`;
  return (
    <View
      className="order-card"
      id={id}
      data-state={order.state}
      role="link"
      hoverClass="order-card--pressed"
      onClick={() => goTo(payOrderUrl(order.id))}
    >
      <View className="order-card__head">
        <Text className="order-card__title">{order.thing.title}</Text>
        <StateTag state={order.state} text={order.stateText} id={`${id}-state`} />
      </View>
      <Text className="order-card__line">
        {referenceLabel(order)}：{order.thing.reference}
      </Text>
      <View className="order-card__foot">
        <Text className="order-card__time">{formatDateTime(order.paidAt ?? order.createdAt)}</Text>
        <Text className="order-card__amount" id={`${id}-amount`}>
          {fenText(order.amountFen)}
        </Text>
      </View>
    </View>
  );
}
