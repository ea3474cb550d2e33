import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { PayStates } from '../../components/PayStates';
import { loadReceipt, type ReceiptView } from '../../services/receipt-view';
import { ReceiptActions } from './ReceiptActions';
import { ReceiptCard } from './ReceiptCard';
import './index.scss';

function Receipt({ view }: { view: ReceiptView }): JSX.Element {
  if (!view.card) {
    return (
      <EmptyState id="receipt-not-ready" title="电子票据尚未开具" note="支付完成后开具电子票据，请稍后再来查看。" />
    );
  }
  return (
    <>
      <ReceiptCard card={view.card} />
      <ReceiptActions view={view} />
    </>
  );
}

/** 电子票据: the receipt of a paid order as a paper-like card, with its PDF to save (and, on H5, to open). */
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
