import { View, Text } from '@tarojs/components';
import type { ItemSummary } from '@suijing/shared';
import { ItemBadges } from '@/components/ItemBadges';
import './index.scss';

interface ItemCardProps {
  item: ItemSummary;
  /** Element id for E2E, e.g. `search-result-<code>`. */
  id: string;
  onTap: (item: ItemSummary) => void;
}

/** One service item in a list: what it is, who handles it, and what it takes (time, visits, fee, online depth). */
export function ItemCard({ item, id, onTap }: ItemCardProps): JSX.Element {
  return (
    <View className="item-card" id={id} role="link" onClick={() => onTap(item)} hoverClass="item-card--pressed">
      <Text className="item-card__name">{item.name}</Text>
      <Text className="item-card__department">
        {item.department} · {item.policeType.name}
      </Text>
      <View className="item-card__badges">
        <ItemBadges item={item} />
      </View>
    </View>
  );
}
