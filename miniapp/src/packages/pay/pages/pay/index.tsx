import { useCallback, useMemo, useRef } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PaymentThing } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { formatDay } from '@/utils/case-format';
import { fenText } from '@/utils/money';
import { goTo, payOrderUrl, payUrl, ROUTES } from '@/utils/navigation';
import { AmountLines } from '../../components/AmountLines';
import { PayRow } from '../../components/PayRow';
import { PayStates } from '../../components/PayStates';
import { loadPayable, type Payable, type PayableLookup } from '../../services/payable';
import { PayBar } from './PayBar';
import { thingOf } from './thing';
import './index.scss';

const NOT_FOUND_NOTE = '请从违法处理结果或办件详情进入缴款；如有疑问请拨打 12345。';

function PaidNotice({ payable }: { payable: Payable }): JSX.Element {
  const refunded = payable.state === 'refunded';
  return (
    <View className="sj-card pay-done" id="pay-done">
      <Text className="pay-done__title">{refunded ? '该笔费用已退还' : '该笔款项已缴纳'}</Text>
      <Text className="pay-done__text">
        {refunded ? '退款按原路退回您的支付账户。' : '无需重复缴款。缴费记录和电子票据可在「我的缴费」中查看。'}
      </Text>
      <Button
        block
        className="sj-block-button"
        type="primary"
        fill="outline"
        id="pay-done-order"
        onClick={() => goTo(payable.paidOrderId ? payOrderUrl(payable.paidOrderId) : ROUTES.payOrders)}
      >
        {payable.paidOrderId ? '查看缴费记录' : '我的缴费'}
      </Button>
    </View>
  );
}

function PayableView({ payable, reload }: { payable: Payable; reload: () => void }): JSX.Element {
  const open = payable.state === 'due' || payable.state === 'paying';
  const onTime = payable.due && payable.due.daysLate === 0;
  return (
    <View className={open ? 'pay-page--with-bar' : undefined}>
      <View className="pay-head" id="pay-head">
        <Text className="pay-head__label">{open ? '应缴金额' : '金额'}</Text>
        <Text className="pay-head__amount" id="pay-amount">
          {fenText(payable.totalFen)}
        </Text>
        <Text className="pay-head__name" id="pay-title">
          {payable.title}
        </Text>
      </View>

      <View className="sj-card" id="pay-info">
        <Text className="pay-section__title">缴款信息</Text>
        <PayRow label={payable.referenceLabel} value={payable.reference} id="pay-reference" />
        {payable.paymentCode ? <PayRow label="缴款码" value={payable.paymentCode} id="pay-code" /> : null}
        {payable.due ? (
          <PayRow
            label="缴款期限"
            value={onTime ? `${formatDay(payable.due.date)}前，逾期加处罚款` : formatDay(payable.due.date)}
            id="pay-due-date"
          />
        ) : null}
        <PayRow label="收款方式" value={payable.platformText} id="pay-platform" />
      </View>

      <View className="sj-card" id="pay-breakdown">
        <Text className="pay-section__title">金额明细</Text>
        <AmountLines id="pay-lines" lines={payable.lines} totalFen={payable.totalFen} due={payable.due} />
      </View>

      {payable.state === 'paying' ? (
        <Text className="sj-hint pay-note" id="pay-resume">
          您有一笔尚未完成的支付，确认支付将继续该笔订单，不会重复扣款。
        </Text>
      ) : null}
      {open ? (
        <Text className="sj-hint pay-note">
          金额由{payable.thing.kind === 'fee' ? '审批部门' : '非税收入平台'}核定；支付后可在「我的缴费」查看电子票据。
        </Text>
      ) : (
        <PaidNotice payable={payable} />
      )}
      {open ? <PayBar thing={payable.thing} totalFen={payable.totalFen} onStale={reload} /> : null}
    </View>
  );
}

function PayContent({ thing }: { thing: PaymentThing }): JSX.Element {
  const load = useCallback(() => loadPayable(thing), [thing]);
  const here = payUrl(thing);
  return (
    <PayStates id="pay" load={load} here={here} loginReason="登录后可缴纳交通违法罚款和办证费用。">
      {(lookup: PayableLookup, reload) =>
        lookup.found ? (
          <ReloadOnShow reload={reload}>
            <PayableView payable={lookup.payable} reload={reload} />
          </ReloadOnShow>
        ) : (
          <EmptyState id="pay-not-found" title="未找到待缴款项" note={NOT_FOUND_NOTE}>
            <Button className="sj-block-button" type="primary" fill="outline" onClick={() => goTo(ROUTES.payOrders)}>
              查看我的缴费
            </Button>
          </EmptyState>
        )
      }
    </PayStates>
  );
}

/** Back on this page (from the cashier, a step-up): the amount and state may have changed, so load again. */
function ReloadOnShow({ reload, children }: { reload: () => void; children: JSX.Element }): JSX.Element {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return children;
}

/** 缴款: what is paid for (a fine by its 决定书, a case's fee), the amount line by line, and 确认支付. */
export default function PayPage(): JSX.Element {
  const { params } = useRouter();
  const thing = useMemo(() => thingOf(params), [params]);
  return (
    <PageShell id="page-pay">
      {thing ? (
        <PayContent thing={thing} />
      ) : (
        <EmptyState id="pay-not-found" title="未找到待缴款项" note={NOT_FOUND_NOTE} />
      )}
    </PageShell>
  );
}
