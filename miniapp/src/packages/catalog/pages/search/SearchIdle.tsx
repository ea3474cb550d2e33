import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { ItemSummary } from '@suijing/shared';
import { ItemCard } from '@/components/ItemCard';
import { useAsync } from '@/hooks/useAsync';
import { fetchHotItems } from '@/services/catalog';

interface SearchIdleProps {
  recent: string[];
  onPick: (query: string) => void;
  onClear: () => void;
  onOpen: (item: ItemSummary) => void;
}

/** Before typing: my recent searches, and what most people come for. */
export function SearchIdle({ recent, onPick, onClear, onOpen }: SearchIdleProps): JSX.Element {
  const { state } = useAsync(fetchHotItems);
  return (
    <View id="search-idle">
      {recent.length > 0 ? (
        <View className="search-recent" id="search-recent">
          <View className="search-recent__head">
            <Text className="search-recent__title">最近搜索</Text>
            <Text className="search-recent__clear" id="recent-clear" onClick={onClear}>
              清空
            </Text>
          </View>
          <View className="search-recent__chips">
            {recent.map((query, index) => (
              <Text className="search-chip" id={`recent-search-${index}`} key={query} onClick={() => onPick(query)}>
                {query}
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      <Text className="sj-section-title">大家都在办</Text>
      {state.status === 'loading' ? (
        <View className="sj-card">
          <Skeleton rows={3} animated />
        </View>
      ) : null}
      {/* Only a suggestion: when it cannot load, the search box still works, so no error card here. */}
      {state.status === 'success'
        ? state.data.items.map((item) => (
            <ItemCard key={item.code} item={item} id={`search-hot-${item.code}`} onTap={onOpen} />
          ))
        : null}
    </View>
  );
}
