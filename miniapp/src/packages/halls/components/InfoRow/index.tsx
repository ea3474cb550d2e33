import { View, Text } from '@tarojs/components';
import './index.scss';

/** A label and its value on one line (the value wraps); under each other in care mode. */
export function InfoRow({ id, label, value }: { id?: string; label: string; value: string }): JSX.Element {
  return (
    <View className="hall-info-row" id={id}>
      <Text className="hall-info-row__label">{label}</Text>
      <Text className="hall-info-row__value">{value}</Text>
    </View>
  );
}
