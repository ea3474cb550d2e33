import { View, Text } from '@tarojs/components';
import type { BindingEvent } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { deviceText, formatDateTime } from '@/utils/format';
import { BINDING_KIND_TEXT, BINDING_METHOD_TEXT } from '../../utils/format';

/** Every account the identity was bound to, moved from or unbound from, newest first. */
export function HistoryList({ items }: { items: BindingEvent[] }): JSX.Element {
  if (items.length === 0) return <EmptyState id="binding-history-empty" title="暂无绑定记录" />;
  return (
    <View className="binding-history" id="binding-history">
      {items.map((event, index) => (
        <View className="binding-event" key={`${event.at}-${index}`} id={`binding-event-${index}`}>
          <View className="binding-event__head">
            <Text className="binding-event__kind">{BINDING_KIND_TEXT[event.kind]}</Text>
            {event.thisAccount ? <Text className="sj-badge sj-badge--primary">本账号</Text> : null}
          </View>
          <Text className="binding-event__line">{formatDateTime(event.at)}</Text>
          <Text className="binding-event__line">
            账号 {event.account} · {BINDING_METHOD_TEXT[event.method]}
          </Text>
          <Text className="binding-event__line">设备 {deviceText(event.device)}</Text>
        </View>
      ))}
    </View>
  );
}
