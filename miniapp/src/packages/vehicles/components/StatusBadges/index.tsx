import { View, Text } from '@tarojs/components';
import type { StatusWord } from '@suijing/shared';
import { SEVERITY_TONE } from '../../utils/format';
import './index.scss';

/** The traffic system's status letters in words, each coloured by its severity. */
export function StatusBadges({ statuses, id }: { statuses: StatusWord[]; id: string }): JSX.Element | null {
  if (statuses.length === 0) return null;
  return (
    <View className="status-badges" id={id}>
      {statuses.map((status) => (
        <Text
          key={`${status.code}-${status.text}`}
          className={`sj-badge ${SEVERITY_TONE[status.severity]}`}
          data-severity={status.severity}
        >
          {status.text}
        </Text>
      ))}
    </View>
  );
}
