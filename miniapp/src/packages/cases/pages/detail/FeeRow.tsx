import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ApplicationDetail } from '@suijing/shared';
import { fenText } from '@/utils/money';
import { goTo, payOrderUrl, payUrl } from '@/utils/navigation';

/** The case's fee (items charged online, from acceptance on): 待缴费 ¥120.00 with 去缴费; once paid, the state and the way to the payment record. */
export function FeeRow({ detail }: { detail: ApplicationDetail }): JSX.Element | null {
  const fee = detail.fee;
  if (!fee) return null;
  const caseNo = detail.caseNo;
  const due = fee.state === 'due';
  return (
    <View className={`case-fee ${due ? 'case-fee--due' : ''}`} id="case-fee" data-state={fee.state}>
      <View className="case-fee__text">
        <Text className="case-fee__title">{fee.title}</Text>
        <Text className="case-fee__amount" id="case-fee-amount">
          {fee.stateText} {fenText(fee.amountFen)}
        </Text>
      </View>
      {due ? (
        <Button
          className="case-fee__button"
          type="primary"
          size="small"
          id="case-fee-pay"
          onClick={() => goTo(payUrl({ kind: 'fee', caseId: caseNo }))}
        >
          去缴费
        </Button>
      ) : null}
      {!due && fee.orderId ? (
        <Button
          className="case-fee__button"
          fill="outline"
          size="small"
          id="case-fee-order"
          onClick={() => goTo(payOrderUrl(fee.orderId ?? ''))}
        >
          缴费详情
        </Button>
      ) : null}
    </View>
  );
}
