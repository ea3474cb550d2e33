import { View, Text } from '@tarojs/components';
import { pointsTone } from '../../utils/format';
import './index.scss';

interface PointsGaugeProps {
  remaining: number;
  accumulated: number;
  max: number;
  id: string;
}

/**
 * 记分 as a gauge of the points left: one segment per point, drawn with
 * Views (no canvas, no image), coloured by how few are left.
 */
export function PointsGauge({ remaining, accumulated, max, id }: PointsGaugeProps): JSX.Element {
  const tone = pointsTone(remaining);
  return (
    <View className={`points-gauge points-gauge--${tone}`} id={id} data-tone={tone}>
      <View className="points-gauge__numbers">
        <Text className="points-gauge__remaining" id={`${id}-remaining`}>
          {remaining}
        </Text>
        <Text className="points-gauge__of">/ {max} 分 剩余</Text>
      </View>
      <View
        className="points-gauge__bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={remaining}
        aria-label={`剩余 ${remaining} 分，共 ${max} 分`}
      >
        {Array.from({ length: max }, (_, index) => (
          <View
            key={index}
            className={`points-gauge__segment ${index < remaining ? 'points-gauge__segment--on' : ''}`}
          />
        ))}
      </View>
      <Text className="points-gauge__note" id={`${id}-accumulated`}>
        本记分周期已记 {accumulated} 分
      </Text>
    </View>
  );
}
