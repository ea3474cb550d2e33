import { View, Text } from '@tarojs/components';
import type { VehicleSummary } from '@suijing/shared';
import { plateStyle } from '../../utils/format';
import './index.scss';

interface PlateProps {
  /** The plate as shown: masked in lists, in full on the detail page. */
  text: string;
  colour: VehicleSummary['plateColour'];
  /** `large` for the detail page's head. */
  size?: 'normal' | 'large';
  id?: string;
}

/** A number plate drawn like the real one, so the citizen recognises the car at a glance. */
export function Plate({ text, colour, size = 'normal', id }: PlateProps): JSX.Element {
  const { className } = plateStyle(colour);
  return (
    <View className={`${className} plate--${size}`} id={id} data-colour={colour} aria-label={`号牌 ${text}`}>
      <View className="plate__frame">
        <Text className="plate__text">{text}</Text>
      </View>
    </View>
  );
}
