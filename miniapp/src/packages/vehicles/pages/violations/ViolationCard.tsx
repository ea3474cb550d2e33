import { View, Text } from '@tarojs/components';
import type { Violation } from '@suijing/shared';
import { goTo, violationUrl } from '@/utils/navigation';
import { violationTimeText, yuanText } from '../../utils/format';

/** One violation: when, where, what, the fine and points, and whether it is dealt with and paid; tap for 违法详情. */
export function ViolationCard({ violation }: { violation: Violation }): JSX.Element {
  const id = `violation-${violation.id}`;
  return (
    <View
      className="violation-card"
      id={id}
      data-handled={violation.handled}
      data-kind={violation.kind}
      role="link"
      onClick={() => goTo(violationUrl(violation.id))}
    >
      <View className="violation-card__head">
        <Text className="violation-card__time">{violationTimeText(violation.time)}</Text>
        <Text
          className={`sj-badge ${violation.handled ? 'sj-badge--success' : 'sj-badge--danger'}`}
          id={`${id}-handled`}
        >
          {violation.handled ? '已处理' : '未处理'}
        </Text>
        <Text className={`sj-badge ${violation.paid ? 'sj-badge--success' : 'sj-badge--warning'}`} id={`${id}-paid`}>
          {violation.paid ? '已缴款' : '未缴款'}
        </Text>
      </View>
      <Text className="violation-card__description">{violation.description}</Text>
      <Text className="violation-card__line">地点：{violation.place}</Text>
      <Text className="violation-card__line">
        号牌：{violation.plateMasked} · {violation.kind === 'camera' ? '非现场' : '现场'}
      </Text>
      <Text className="violation-card__line">采集机关：{violation.authority}</Text>
      <View className="violation-card__penalty">
        <Text className="violation-card__fine" id={`${id}-fine`}>
          罚款 {yuanText(violation.fine)}
        </Text>
        <Text className="violation-card__points" id={`${id}-points`}>
          记 {violation.points} 分
        </Text>
        <Text className="violation-card__more">{violation.handled ? '查看详情' : '去处理'} ›</Text>
      </View>
    </View>
  );
}
