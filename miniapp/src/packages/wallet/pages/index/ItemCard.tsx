import { View, Text } from '@tarojs/components';
import type { WalletItem } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';
import { goTo } from '@/utils/navigation';
import { StatusTag } from '../../components/StatusTag';
import { ITEM_STATUS_LABEL, ITEM_TONE, statusNote, toneOf } from '../../utils/format';
import { walletItemUrl } from '../../utils/urls';

/** One certificate in the 证照夹: name, status, holder and number (masked), validity; opens its details. */
export function ItemCard({ item }: { item: WalletItem }): JSX.Element {
  const id = `wallet-item-${item.id}`;
  const note = statusNote(item.status, item.statusText);
  return (
    <View
      className="wallet-card"
      id={id}
      data-kind={item.kind}
      role="link"
      hoverClass="wallet-card--pressed"
      onClick={() => goTo(walletItemUrl(item.id))}
    >
      <View className="wallet-card__head">
        <Text className="wallet-card__name">{item.name}</Text>
        <StatusTag
          tone={toneOf(ITEM_TONE, item.status)}
          text={ITEM_STATUS_LABEL[item.status] ?? item.statusText}
          state={item.status}
          id={`${id}-status`}
        />
      </View>
      <Text className="wallet-card__line">
        {item.holderNameMasked} · {item.numberMasked}
      </Text>
      <Text className="wallet-card__line">
        {item.validUntil ? `有效期至 ${formatDay(item.validUntil)}` : '长期有效'} · {item.issuer}
      </Text>
      {note ? (
        <Text
          className={`wallet-card__line ${item.status === 'valid' ? '' : 'wallet-card__line--warning'}`}
          id={`${id}-note`}
        >
          {note}
        </Text>
      ) : null}
    </View>
  );
}
