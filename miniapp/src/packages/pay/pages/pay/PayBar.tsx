import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import type { PaymentThing } from '@suijing/shared';
import { FieldError } from '@/components/FieldError';
import { SubmitButton } from '@/components/SubmitButton';
import { useStepUpAction } from '@/hooks/useStepUpAction';
import { ApiError } from '@/services/api-error';
import { fenText } from '@/utils/money';
import { ROUTES, withQuery } from '@/utils/navigation';
import { startPayment, type PayOutcome } from '../../services/start-payment';

function afterPaying(outcome: PayOutcome): void {
  if (outcome.kind === 'cashier') return; // the browser is leaving for the cashier page
  if (outcome.kind === 'cancelled') {
    void Taro.showToast({ title: '已取消支付', icon: 'none' });
    return;
  }
  void Taro.redirectTo({ url: withQuery(ROUTES.payResult, { orderId: outcome.orderId }) });
}

/** 确认支付 at the bottom: opens the order and hands over to the platform (cashier or WeChat's sheet). */
export function PayBar(props: { thing: PaymentThing; totalFen: number; onStale: () => void }): JSX.Element {
  const { thing, totalFen, onStale } = props;
  const [error, setError] = useState<string | null>(null);
  const pay = useStepUpAction(() => startPayment(thing), {
    onDone: afterPaying,
    onError: (message, cause) => {
      // Paid meanwhile (another device, the notice of an earlier try): show the thing as it is now.
      if (cause instanceof ApiError && (cause.code === 'ALREADY_PAID' || cause.code === 'FEE_NOT_DUE')) {
        void Taro.showToast({ title: message, icon: 'none' });
        onStale();
        return;
      }
      setError(message);
    },
  });
  return (
    <View className="pay-bar">
      <FieldError id="pay-error" className="pay-bar__error" message={error} />
      <SubmitButton
        id="pay-submit"
        label={`确认支付 ${fenText(totalFen)}`}
        sending={pay.busy}
        onSubmit={() => {
          setError(null);
          pay.run();
        }}
      />
    </View>
  );
}
