import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PaymentOrder } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { formatDateTime } from '@/utils/format';
import { fenText } from '@/utils/money';
import { goTo, payOrderUrl, payUrl, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { BackToThing } from '../../components/BackToThing';
import { PayRow } from '../../components/PayRow';
import { PayStates } from '../../components/PayStates';
import { pendingOrder } from '../../services/pending-order';
import { settleOrder } from '../../services/settle-order';
import { referenceLabel, thingOfOrder } from '../../utils/order-thing';
import './index.scss';

const CONFIRMING = (
  <View className="sj-card result-confirming" id="result-confirming">
    <View className="result-confirming__spinner" aria-hidden />
    <Text className="result-confirming__text">正在确认支付结果…</Text>
    <Text className="sj-hint">正在向支付平台查询，请勿重复支付</Text>
  </View>
);

function Summary({ order }: { order: PaymentOrder }): JSX.Element {
  return (
    <View className="sj-card" id="result-summary">
      <PayRow label="缴费项目" value={order.thing.title} />
      <PayRow label={referenceLabel(order)} value={order.thing.reference} id="result-reference" />
      {order.paidAt ? <PayRow label="支付时间" value={formatDateTime(order.paidAt)} id="result-paid-at" /> : null}
      {order.receiptNo ? <PayRow label="电子票据号" value={order.receiptNo} id="result-receipt-no" /> : null}
    </View>
  );
}

function Paid({ order }: { order: PaymentOrder }): JSX.Element {
  return (
    <>
      <View className="result-head result-head--paid" id="result-paid">
        <View className="result-head__mark" aria-hidden>
          ✓
        </View>
        <Text className="result-head__title">支付成功</Text>
        <Text className="result-head__amount" id="result-amount">
          {fenText(order.amountFen)}
        </Text>
      </View>
      <Summary order={order} />
      <View className="result-actions">
        {order.receiptAvailable ? (
          <Button
            block
            className="sj-block-button"
            type="primary"
            id="result-receipt"
            onClick={() => goTo(withQuery(ROUTES.payReceipt, { id: order.id }))}
          >
            查看电子票据
          </Button>
        ) : (
          <Text className="sj-hint result-actions__note" id="result-receipt-pending">
            电子票据正在开具，稍后可在「我的缴费」中查看
          </Text>
        )}
        <BackToThing order={order} id="result-back" />
        <Button
          block
          className="sj-block-button"
          fill="outline"
          id="result-orders"
          onClick={() => goTo(ROUTES.payOrders)}
        >
          我的缴费
        </Button>
      </View>
    </>
  );
}

function Pending({ order, onRetry }: { order: PaymentOrder; onRetry: () => void }): JSX.Element {
  return (
    <>
      <View className="result-head" id="result-pending">
        <Text className="result-head__title">正在确认支付结果</Text>
        <Text className="result-head__text">
          如您已完成支付，结果可能稍有延迟，请稍后重新查询。未支付的订单将于 {formatDateTime(order.expiresAt)}{' '}
          自动关闭。
        </Text>
      </View>
      <Summary order={order} />
      <View className="result-actions">
        <Button block className="sj-block-button" type="primary" id="result-retry" onClick={onRetry}>
          重新查询
        </Button>
        <Button
          block
          className="sj-block-button"
          fill="outline"
          id="result-continue"
          onClick={() => goTo(payUrl(thingOfOrder(order)))}
        >
          尚未支付，继续支付
        </Button>
      </View>
    </>
  );
}

function Closed({ order }: { order: PaymentOrder }): JSX.Element {
  return (
    <>
      <View className="result-head" id="result-closed">
        <Text className="result-head__title">订单已关闭</Text>
        <Text className="result-head__text">
          该订单已关闭（超时未支付或已重新下单），未产生扣款。如仍需缴纳，请重新支付。
        </Text>
      </View>
      <Summary order={order} />
      <View className="result-actions">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="result-pay-again"
          onClick={() => goTo(payUrl(thingOfOrder(order)))}
        >
          重新支付
        </Button>
      </View>
    </>
  );
}

function Refund({ order }: { order: PaymentOrder }): JSX.Element {
  return (
    <>
      <View className="result-head" id="result-refund">
        <Text className="result-head__title">{order.stateText}</Text>
        <Text className="result-head__text">款项将按原路退回您的支付账户。</Text>
      </View>
      <Summary order={order} />
      <View className="result-actions">
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="result-order"
          onClick={() => goTo(payOrderUrl(order.id))}
        >
          查看订单详情
        </Button>
      </View>
    </>
  );
}

function Outcome({ order, reload }: { order: PaymentOrder; reload: () => void }): JSX.Element {
  if (order.state === 'paid') return <Paid order={order} />;
  if (order.state === 'pending') return <Pending order={order} onRetry={reload} />;
  if (order.state === 'closed') return <Closed order={order} />;
  return <Refund order={order} />;
}

/**
 * 支付结果: where the cashier (H5) or WeChat's payment sheet leads back. The
 * result is the BFF's (from the platform's notice or its query), asked a few
 * times while the notice may still be on its way.
 */
export default function PayResultPage(): JSX.Element {
  // The BFF appends ?orderId= to the cashier's return path; storage covers a return that lost it.
  const orderId = routeParam(useRouter().params, 'orderId') || pendingOrder() || '';
  const load = useCallback(() => settleOrder(orderId), [orderId]);
  const here = withQuery(ROUTES.payResult, { orderId });
  return (
    <PageShell id="page-pay-result">
      {orderId ? (
        <PayStates
          id="result"
          load={load}
          here={here}
          skeleton={CONFIRMING}
          loginReason="登录后可查看支付结果。"
          notFound={{
            codes: ['PAYMENT_ORDER_NOT_FOUND', 'VALIDATION_FAILED'],
            title: '未找到该订单',
            note: '请在「我的缴费」中查看。',
          }}
        >
          {(order, reload) => <Outcome order={order} reload={reload} />}
        </PayStates>
      ) : (
        <EmptyState id="result-not-found" title="未找到该订单" note="请在「我的缴费」中查看。">
          <Button className="sj-block-button" type="primary" fill="outline" onClick={() => goTo(ROUTES.payOrders)}>
            我的缴费
          </Button>
        </EmptyState>
      )}
    </PageShell>
  );
}
