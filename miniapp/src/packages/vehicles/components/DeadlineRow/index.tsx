import { View, Text } from '@tarojs/components';
import type { Deadline } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';
import { countdownText, DEADLINE_TONE } from '../../utils/format';
import './index.scss';

interface DeadlineRowProps {
  id: string;
  label: string;
  deadline: Deadline;
  /** What the countdown is to, e.g. 检验有效期止 ("距检验有效期止 30 天"). */
  what: string;
}

/** A dated deadline with its countdown, coloured as it nears or passes. */
export function DeadlineRow({ id, label, deadline, what }: DeadlineRowProps): JSX.Element {
  return (
    <View className="deadline-row" id={id} data-state={deadline.state}>
      <Text className="deadline-row__label">{label}</Text>
      <View className="deadline-row__value">
        <Text className="deadline-row__date">{formatDay(deadline.date)}</Text>
        <Text className={`sj-badge ${DEADLINE_TONE[deadline.state]}`} id={`${id}-countdown`}>
          {countdownText(deadline, what)}
        </Text>
      </View>
    </View>
  );
}
