import { View, Text } from '@tarojs/components';
import './index.scss';

/** A label and its value on one line (the value wraps), as the 车驾管 pages list their facts. */
export function InfoRow({ id, label, value }: { id?: string; label: string; value: string }): JSX.Element {
  return (
    <View className="info-row" id={id}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}
