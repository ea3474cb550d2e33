import { View, Text } from '@tarojs/components';
import './index.scss';

/** A label and its value on one line (the value wraps); in care mode the label sits above. */
export function InfoRow({ id, label, value }: { id?: string; label: string; value: string }): JSX.Element {
  return (
    <View className="wallet-row" id={id}>
      <Text className="wallet-row__label">{label}</Text>
      <Text className="wallet-row__value">{value}</Text>
    </View>
  );
}
