import { View, Text } from '@tarojs/components';
import type { ItemGuide } from '@suijing/shared';
import { ItemBadges } from '@/components/ItemBadges';
import { crossRegionText } from '@/utils/catalog-format';

/** Name, who handles it, and the five facts a citizen decides by (time, visits, fee, online depth, cross-region). */
export function GuideHeader({ item }: { item: ItemGuide }): JSX.Element {
  const crossRegion = crossRegionText(item.crossRegion);
  return (
    <View className="guide-header" id="item-header">
      <Text className="guide-header__name" id="item-name">
        {item.name}
      </Text>
      <Text className="guide-header__meta">
        {item.department} · {item.itemType} · {item.caseType === 'instant' ? '即办件' : '承诺件'}
      </Text>
      <View className="guide-header__badges">
        <ItemBadges item={item} badgeClassName="guide-header__badge" />
        {crossRegion ? (
          <Text className="sj-badge sj-badge--success guide-header__badge" id="item-cross-region">
            {crossRegion}
          </Text>
        ) : null}
      </View>
      {item.channels.length > 0 ? (
        <Text className="guide-header__channels">办理形式：{item.channels.join('、')}</Text>
      ) : null}
      <Text className="guide-header__channels" id="item-assurance" data-level={item.assurance}>
        在线办理{item.assurance === 'L2' ? '需实名认证' : '需刷脸认证'}
      </Text>
    </View>
  );
}
