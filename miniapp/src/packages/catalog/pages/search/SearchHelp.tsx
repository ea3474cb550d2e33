import { View, Text } from '@tarojs/components';
import type { HelpPhone, ItemSummary, SearchHelp as Help } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { ItemCard } from '@/components/ItemCard';
import { callPhone } from '@/utils/phone';

interface SearchHelpProps {
  query: string;
  /** Present whenever nothing matched (the contract's promise); without it the message still stands. */
  help?: Help;
  onOpen: (item: ItemSummary) => void;
}

function Phones({ phones }: { phones: HelpPhone[] }): JSX.Element {
  return (
    <View className="sj-card search-phones" id="search-phones">
      {phones.map((phone, index) => (
        <View
          className="search-phone"
          id={`search-phone-${index}`}
          key={`${phone.name}-${phone.number}`}
          role="button"
          onClick={() => callPhone(phone.number)}
          hoverClass="search-phone--pressed"
        >
          <View className="search-phone__text">
            <Text className="search-phone__name">{phone.name}</Text>
            <Text className="search-phone__number">{phone.number}</Text>
          </View>
          <Text className="search-phone__call">拨打</Text>
        </View>
      ))}
    </View>
  );
}

/** Nothing matched: never an empty page. The nearest items, whom to call, and what most people come for. */
export function SearchHelp({ query, help, onOpen }: SearchHelpProps): JSX.Element {
  return (
    <View id="search-empty">
      <EmptyState
        title={`没有找到“${query}”相关事项`}
        note="换个说法试试，例如“护照”“宝宝上户口”；也可以看看下面的事项，或打电话问"
      />
      {help && help.didYouMean.length > 0 ? (
        <View id="search-did-you-mean">
          <Text className="sj-section-title">您是不是要找</Text>
          {help.didYouMean.map((item) => (
            <ItemCard key={item.code} item={item} id={`search-did-you-mean-${item.code}`} onTap={onOpen} />
          ))}
        </View>
      ) : null}
      {help && help.phones.length > 0 ? (
        <>
          <Text className="sj-section-title">打电话咨询</Text>
          <Phones phones={help.phones} />
        </>
      ) : null}
      {help && help.hot.length > 0 ? (
        <View id="search-help-hot">
          <Text className="sj-section-title">大家都在办</Text>
          {help.hot.map((item) => (
            <ItemCard key={item.code} item={item} id={`search-help-hot-${item.code}`} onTap={onOpen} />
          ))}
        </View>
      ) : null}
    </View>
  );
}
