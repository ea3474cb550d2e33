import { View, Text } from '@tarojs/components';
import type { ApplicationDetail } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';

/** The case's steps, newest first, as a vertical line of dots. */
export function Timeline({ detail }: { detail: ApplicationDetail }): JSX.Element {
  const entries = [...detail.timeline].reverse();
  return (
    <View className="sj-card" id="case-timeline">
      <Text className="case-section__title">办理进度</Text>
      {entries.map((entry, index) => (
        <View
          className={`timeline__entry ${index === 0 ? 'timeline__entry--current' : ''}`}
          key={`${entry.at}-${index}`}
        >
          <View className="timeline__rail" aria-hidden>
            <View className="timeline__dot" />
            {index < entries.length - 1 ? <View className="timeline__line" /> : null}
          </View>
          <View className="timeline__body">
            <Text className="timeline__step">
              {entry.step} · {entry.statusText}
            </Text>
            <Text className="timeline__meta">
              {formatDateTime(entry.at)} · {entry.actor}
            </Text>
            {entry.comment ? <Text className="timeline__comment">{entry.comment}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
