import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { ROUTES } from '@/utils/navigation';
import { PayStates } from '../../components/PayStates';
import { listOrders } from '../../services/payments-api';
import { OrderCard } from './OrderCard';
import './index.scss';

/** Back from an order (paid meanwhile, refunded): its state on the list is news. */
function ReloadOnShow({ reload }: { reload: () => void }): null {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return null;
}

/** 我的缴费: every order (fines and fees), newest first, with its state, amount and time. */
export default function OrdersPage(): JSX.Element {
  return (
    <PageShell id="page-pay-orders">
      <PayStates
        id="orders"
        load={listOrders}
        here={ROUTES.payOrders}
        loginReason="登录后可查看您的缴费记录和电子票据。"
      >
        {(list, reload) => (
          <>
            <ReloadOnShow reload={reload} />
            {list.items.length === 0 ? (
              <EmptyState
                id="orders-empty"
                title="还没有缴费记录"
                note="在线缴纳的交通违法罚款和办证费用会出现在这里。"
              />
            ) : (
              <View id="orders-list">
                {list.items.map((order) => (
                  <OrderCard key={order.id} order={order} />
                ))}
              </View>
            )}
          </>
        )}
      </PayStates>
    </PageShell>
  );
}
