import { View, Text } from '@tarojs/components';
import type { HandlingPreview } from '@suijing/shared';

type Refused = Extract<HandlingPreview, { allowed: false }>;

/** Why this one cannot be handled online, and where to go instead. */
export function Refusal({ refusal }: { refusal: Refused }): JSX.Element {
  return (
    <View className="sj-card handle-refusal" id="handle-refusal" data-reason={refusal.reason}>
      <Text className="handle-refusal__title">不能网上处理</Text>
      <Text className="handle-refusal__reason" id="handle-refusal-reason">
        {refusal.reasonText}
      </Text>
      {refusal.window ? (
        <View className="handle-refusal__window" id="handle-refusal-window">
          <Text className="handle-refusal__window-label">请前往</Text>
          <Text className="handle-refusal__window-name">{refusal.window.name}</Text>
        </View>
      ) : null}
      {refusal.whatToDo ? (
        <Text className="handle-refusal__todo" id="handle-refusal-todo">
          {refusal.whatToDo}
        </Text>
      ) : null}
    </View>
  );
}
