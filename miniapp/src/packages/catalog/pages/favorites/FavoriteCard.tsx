import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FavoriteItem } from '@suijing/shared';
import { ItemBadges } from '@/components/ItemBadges';
import { formatDateTime } from '@/utils/format';
import { goTo, itemUrl } from '@/utils/navigation';

interface FavoriteCardProps {
  favorite: FavoriteItem;
  removing: boolean;
  onRemove: (favorite: FavoriteItem) => void;
}

/** A favourite; one that left the online catalog stays listed (greyed) so it can be removed knowingly. */
export function FavoriteCard({ favorite, removing, onRemove }: FavoriteCardProps): JSX.Element {
  const { available, item } = favorite;
  return (
    <View className={`favorite-card ${available ? '' : 'favorite-card--unavailable'}`} id={`favorite-${favorite.code}`}>
      <View
        className="favorite-card__body"
        role={available ? 'link' : undefined}
        aria-disabled={!available}
        onClick={available ? () => goTo(itemUrl(favorite.code)) : undefined}
        hoverClass={available ? 'favorite-card__body--pressed' : 'none'}
      >
        <Text className="favorite-card__name">{item?.name ?? favorite.name}</Text>
        {item ? <Text className="favorite-card__department">{item.department}</Text> : null}
        {available && item ? (
          <View className="favorite-card__badges">
            <ItemBadges item={item} />
          </View>
        ) : null}
        {available ? null : (
          <Text className="favorite-card__unavailable" id={`favorite-${favorite.code}-unavailable`}>
            该事项已调整或暂停网上办理，暂不能查看指南
          </Text>
        )}
      </View>
      <View className="favorite-card__foot">
        <Text className="favorite-card__time">收藏于 {formatDateTime(favorite.favoritedAt)}</Text>
        <Button
          className="favorite-card__remove"
          id={`unfavorite-${favorite.code}`}
          size="small"
          fill="outline"
          loading={removing}
          onClick={() => onRemove(favorite)}
        >
          取消收藏
        </Button>
      </View>
    </View>
  );
}
