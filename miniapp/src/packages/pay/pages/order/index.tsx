import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PaymentOrder } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { formatDateTime } from '@/utils/format';
import { fenText } from '@/utils/money';
import { goTo, payOrderUrl, payUrl, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { AmountLines } from '../../components/AmountLines';
import { BackToThing } from '../../components/BackToThing';
import { PayRow } from '../../components/PayRow';
import { PayStates } from '../../components/PayStates';
import { StateTag } from '../../components/StateTag';
import { fetchOrder } from '../../services/payments-api';
import { PLATFORM_TEXT, referenceLabel, thingOfOrder } from '../../utils/order-thing';
import { Refunds } from './Refunds';
import './index.scss';

function Actions({ order }: { order: PaymentOrder }): JSX.Element {
  const again = order.state === 'pending' || order.state === 'closed';
  return (
    <View className="order-actions">
      {order.receiptAvailable ? (
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="order-receipt"
          onClick={() => goTo(withQuery(ROUTES.payReceipt, { id: order.id }))}
        >
          查看电子票据
        </Button>
      ) : null}
      {again ? (
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="order-pay"
          onClick={() => goTo(payUrl(thingOfOrder(order)))}
        >
          {order.state === 'pending' ? '继续支付' : '重新支付'}
        </Button>
      ) : null}
      <BackToThing order={order} id="order-back" />
    </View>
  );
}

function OrderView({ order }: { order: PaymentOrder }): JSX.Element {
  return (
    <>
      <View className="order-head" id="order-head">
        <StateTag state={order.state} text={order.stateText} id="order-state" />
        <Text className="order-head__amount" id="order-amount">
          {fenText(order.amountFen)}
        </Text>
        <Text className="order-head__name">{order.thing.title}</Text>
      </View>

      <View className="sj-card" id="order-info">
        <Text className="order-section__title">订单信息</Text>
        <PayRow label={referenceLabel(order)} value={order.thing.reference} id="order-reference" />
        <PayRow label="收款方式" value={PLATFORM_TEXT[order.platform]} id="order-platform" />
        <PayRow label="下单时间" value={formatDateTime(order.createdAt)} />
        {order.state === 'pending' ? (
          <PayRow label="支付截止" value={formatDateTime(order.expiresAt)} id="order-expires" />
        ) : null}
        {order.paidAt ? <PayRow label="支付时间" value={formatDateTime(order.paidAt)} id="order-paid-at" /> : null}
        {order.tradeNoMasked ? <PayRow label="交易单号" value={order.tradeNoMasked} id="order-trade-no" /> : null}
        {order.receiptNo ? <PayRow label="电子票据号" value={order.receiptNo} id="order-receipt-no" /> : null}
      </View>

      <View className="sj-card" id="order-breakdown">
        <Text className="order-section__title">金额明细</Text>
        <AmountLines id="order-lines" lines={order.lines} totalFen={order.amountFen} />
      </View>

      {order.refunds.length > 0 ? <Refunds refunds={order.refunds} /> : null}
      <Actions order={order} />
    </>
  );
}

/** 缴费详情: one order's lines, state, platform trade number (masked), refunds and its 电子票据. */
export default function OrderPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchOrder(id), [id]);
  return (
    <PageShell id="page-pay-order">
      <PayStates
        id="order"
        load={load}
        here={payOrderUrl(id)}
        loginReason="登录后可查看您的缴费记录。"
        notFound={{
          codes: ['PAYMENT_ORDER_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该缴费记录',
          note: '请返回「我的缴费」刷新后查看。',
        }}
      >
        {(order) => <OrderView order={order} />}
      </PayStates>
    </PageShell>
  );
}
