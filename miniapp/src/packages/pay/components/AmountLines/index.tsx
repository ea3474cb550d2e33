import { View, Text } from '@tarojs/components';
import type { AmountLine } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';
import { fenText } from '@/utils/money';
import './index.scss';

/** The line the fine platform adds from the 16th day (行政处罚法 第七十二条). */
export const LATE_FEE_LABEL = '加处罚款';

export interface LateNote {
  /** The last day without 加处罚款 (yyyy-MM-dd). */
  date: string;
  daysLate: number;
  capped: boolean;
}

function lateText(due: LateNote): string {
  const base = `缴款期限 ${formatDay(due.date)}，已逾期 ${due.daysLate} 天`;
  return due.capped ? `${base}；加处罚款已达罚款数额，不再增加` : `${base}；每日按罚款数额的 3% 加处`;
}

/** What makes up the amount (罚款, 加处罚款, 工本费) and the total, in ¥. */
export function AmountLines(props: {
  id: string;
  lines: readonly AmountLine[];
  totalFen: number;
  due?: LateNote;
  totalLabel?: string;
}): JSX.Element {
  const { id, lines, totalFen, due, totalLabel = '合计' } = props;
  return (
    <View className="pay-amounts" id={id}>
      {lines.map((line, index) => (
        <View className="pay-amounts__line" key={`${line.label}-${index}`} id={`${id}-line-${index}`}>
          <View className="pay-amounts__main">
            <Text className="pay-amounts__label">{line.label}</Text>
            <Text className="pay-amounts__value">{fenText(line.amountFen)}</Text>
          </View>
          {due && line.label === LATE_FEE_LABEL ? (
            <Text className="pay-amounts__note" id={`${id}-late`}>
              {lateText(due)}
            </Text>
          ) : null}
        </View>
      ))}
      <View className="pay-amounts__total">
        <Text className="pay-amounts__total-label">{totalLabel}</Text>
        <Text className="pay-amounts__total-value" id={`${id}-total`}>
          {fenText(totalFen)}
        </Text>
      </View>
    </View>
  );
}
