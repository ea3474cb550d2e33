import { Text } from '@tarojs/components';
import type { PaymentOrderState } from '@suijing/shared';

const TONE: Record<PaymentOrderState, string> = {
  pending: 'sj-badge--warning',
  paid: 'sj-badge--success',
  closed: 'sj-badge--muted',
  refunding: 'sj-badge--primary',
  refunded: 'sj-badge--muted',
};

/** An order's state as a coloured tag (待支付, 已支付, 已关闭, 退款中, 已退款). */
export function StateTag({ state, text, id }: { state: PaymentOrderState; text: string; id?: string }): JSX.Element {
  return (
    <Text className={`sj-badge ${TONE[state]}`} id={id} data-state={state}>
      {text}
    </Text>
  );
}
