import { View, Text } from '@tarojs/components';
import type { StepState } from '../../utils/format';
import './index.scss';

export interface StepEntry {
  /** Part of the entry's id: `<id>-<key>`. */
  key: string;
  title: string;
  /** Time and department, when the step has happened. */
  meta?: string;
  note?: string;
  state: StepState;
}

/** Steps as a vertical line of dots, oldest first: done in blue, the current one ringed, pending grey. */
export function StepList({ id, entries }: { id: string; entries: StepEntry[] }): JSX.Element {
  return (
    <View className="step-list" id={id}>
      {entries.map((entry, index) => (
        <View
          key={entry.key}
          id={`${id}-${entry.key}`}
          className={`step-list__entry step-list__entry--${entry.state}`}
          data-state={entry.state}
          aria-current={entry.state === 'current' ? 'step' : undefined}
        >
          <View className="step-list__rail" aria-hidden>
            <View className="step-list__dot" />
            {index < entries.length - 1 ? <View className="step-list__line" /> : null}
          </View>
          <View className="step-list__body">
            <Text className="step-list__title">{entry.title}</Text>
            {entry.meta ? <Text className="step-list__meta">{entry.meta}</Text> : null}
            {entry.note ? <Text className="step-list__note">{entry.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
