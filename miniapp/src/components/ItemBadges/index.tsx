import { Text } from '@tarojs/components';
import type { ItemSummary } from '@suijing/shared';
import { itemBadges } from '@/utils/catalog-format';

interface ItemBadgesProps {
  item: ItemSummary;
  /** Extra class on each badge, beside `sj-badge sj-badge--<tone>`. */
  badgeClassName?: string;
}

/** An item's badges (time, visits, fee, online depth), for the caller's badge row to wrap. */
export function ItemBadges({ item, badgeClassName }: ItemBadgesProps): JSX.Element {
  return (
    <>
      {itemBadges(item).map((badge) => (
        <Text
          className={`sj-badge sj-badge--${badge.tone}${badgeClassName ? ` ${badgeClassName}` : ''}`}
          key={badge.text}
        >
          {badge.text}
        </Text>
      ))}
    </>
  );
}
