import { View, Text } from '@tarojs/components';
import './index.scss';

/** A label and its value on one line (编号, 时间, 平台). */
export function PayRow({ label, value, id }: { label: string; value: string; id?: string }): JSX.Element {
  return (
    <View className="pay-row">
      <Text className="pay-row__label">{label}</Text>
      <Text className="pay-row__value" id={id} userSelect>
        {value}
      </Text>
    </View>
  );
}
