import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { fenText } from '@/utils/money';
import { ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { PayRow } from '../../components/PayRow';
import { PayStates } from '../../components/PayStates';
import { loadReceipt, type ReceiptView } from '../../services/receipt-view';
import { referenceLabel } from '../../utils/order-thing';
import { OpenInWechat } from './OpenInWechat';
import { PdfFrame } from './PdfFrame';
import './index.scss';

function Receipt({ view }: { view: ReceiptView }): JSX.Element {
  const { order } = view;
  if (!order.receiptAvailable) {
    return (
      <EmptyState id="receipt-not-ready" title="电子票据尚未开具" note="支付完成后开具电子票据，请稍后再来查看。" />
    );
  }
  return (
    <>
      <View className="sj-card" id="receipt-info">
        <Text className="receipt-title">{order.thing.title}</Text>
        <PayRow label="电子票据号" value={order.receiptNo ?? '—'} id="receipt-no" />
        <PayRow label={referenceLabel(order)} value={order.thing.reference} />
        <PayRow label="金额" value={fenText(order.amountFen)} id="receipt-amount" />
      </View>
      {view.pdfUrl ? <PdfFrame url={view.pdfUrl} fileName={view.fileName} /> : <OpenInWechat orderId={order.id} />}
    </>
  );
}

/** 电子票据: the receipt of a paid order as a PDF (shown on H5, opened in WeChat's viewer on weapp). */
export default function ReceiptPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => loadReceipt(id), [id]);
  return (
    <PageShell id="page-pay-receipt">
      <PayStates
        id="receipt"
        load={load}
        here={withQuery(ROUTES.payReceipt, { id })}
        loginReason="登录后可查看您的电子票据。"
        notFound={{
          codes: ['PAYMENT_ORDER_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该缴费记录',
          note: '请返回「我的缴费」刷新后查看。',
        }}
      >
        {(view) => <Receipt view={view} />}
      </PayStates>
    </PageShell>
  );
}
