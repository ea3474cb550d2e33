import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AddressSummary } from '@suijing/shared';

interface AddressCardProps {
  address: AddressSummary;
  /** Opened to choose one: tapping the card chooses it. */
  picking: boolean;
  onPick: (address: AddressSummary) => void;
  onEdit: (address: AddressSummary) => void;
}

/** One address of the book, masked as the list shows it: 王**  139****5678, 广东省广州市天河区 天河路3****. */
export function AddressCard({ address, picking, onPick, onEdit }: AddressCardProps): JSX.Element {
  return (
    <View className="address-card" id={`address-${address.id}`}>
      <View
        className="address-card__body"
        role={picking ? 'button' : undefined}
        onClick={picking ? () => onPick(address) : undefined}
        hoverClass={picking ? 'address-card__body--pressed' : 'none'}
      >
        <View className="address-card__who">
          <Text className="address-card__name">{address.recipient}</Text>
          <Text className="address-card__mobile">{address.mobile}</Text>
          {address.isDefault ? (
            <Text className="sj-badge address-card__default" id={`address-${address.id}-default`}>
              默认
            </Text>
          ) : null}
        </View>
        <Text className="address-card__where">
          {address.region} {address.detail}
        </Text>
      </View>
      <View className="address-card__foot">
        <Button
          className="address-card__edit"
          id={`address-${address.id}-edit`}
          size="small"
          fill="outline"
          onClick={() => onEdit(address)}
        >
          编辑
        </Button>
      </View>
    </View>
  );
}
