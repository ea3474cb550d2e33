import { View, Text } from '@tarojs/components';
import type { DataUseRecord } from '@suijing/shared';
import { deviceText, formatDateTime } from '@/utils/format';

/** One read of the person's data: when, what, from which device and account; 本设备 for this session. */
export function UsageCard({ record }: { record: DataUseRecord }): JSX.Element {
  return (
    <View className="usage-card" id={`usage-${record.id}`} data-feature={record.feature}>
      <View className="usage-card__head">
        <Text className="usage-card__what">{record.what}</Text>
        {record.thisSession ? (
          <Text className="sj-badge sj-badge--primary" id={`usage-${record.id}-this-device`}>
            本设备
          </Text>
        ) : null}
      </View>
      <Text className="usage-card__line">{formatDateTime(record.at)}</Text>
      <Text className="usage-card__line">
        {deviceText(record.device)} · 账号 {record.account}
      </Text>
    </View>
  );
}
