import { useCallback } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { ItemSummary } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ItemList } from '@/components/ItemList';
import { ItemCard } from '@/components/ItemCard';
import { EmptyState } from '@/components/EmptyState';
import { usePagedList } from '@/hooks/usePagedList';
import { listItems, MAX_QUERY_LENGTH } from '@/services/catalog';
import { goTo, itemUrl, routeParam } from '@/utils/navigation';
import { useRecentSearches } from './recent-searches';
import { useSearchQuery } from './useSearchQuery';
import { SearchIdle } from './SearchIdle';
import './index.scss';

const codeOf = (item: ItemSummary): string => item.code;
const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** 搜索事项: results as you type, more as you scroll, and hot items when nothing matches. */
export default function SearchPage(): JSX.Element {
  const { text, query, type, submit } = useSearchQuery(routeParam(useRouter().params, 'q'));
  const { recent, remember, clear } = useRecentSearches();

  const fetchPage = useCallback((page: number) => listItems({ q: query, page }), [query]);
  const list = usePagedList(query === '' ? null : query, fetchPage, codeOf);
  useReachBottom(list.loadMore);

  // A result that was opened is a search worth remembering, even if 搜索 was never pressed.
  const open = (item: ItemSummary): void => {
    if (query !== '') remember(query);
    goTo(itemUrl(item.code));
  };
  const search = (value?: string): void => {
    const searched = submit(value);
    if (searched !== '') remember(searched);
  };

  const suggestions = list.last?.suggestions ?? [];
  return (
    <PageShell id="page-search">
      <View className="search-bar" id="search-input">
        <SearchBar
          shape="round"
          placeholder="搜索办事事项，如：身份证、驾驶证"
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          // Not SearchBar's autoFocus: on H5 it focuses Taro's input before that has
          // rendered (a page error). The input's own props focus it once it exists.
          inputProps={IS_WEAPP ? { focus: true } : { autoFocus: true }}
          onChange={(value) => type(value)}
          onSearch={(value) => search(value)}
          onClear={() => type('')}
          right={
            <Text className="search-bar__submit" id="search-submit" onClick={() => search()}>
              搜索
            </Text>
          }
        />
      </View>

      {query === '' ? (
        <SearchIdle recent={recent} onPick={search} onClear={clear} onOpen={open} />
      ) : (
        <>
          {list.status === 'ready' && list.items.length > 0 ? (
            <Text className="search-count sj-hint" id="search-count">
              找到 {list.last?.total ?? list.items.length} 个相关事项
            </Text>
          ) : null}
          <ItemList
            list={list}
            id="search-result"
            onOpen={open}
            empty={
              <View id="search-empty">
                <EmptyState
                  title={`没有找到“${query}”相关事项`}
                  note="换个说法试试，例如“身份证”“驾驶证”“港澳通行证”"
                />
                {suggestions.length > 0 ? (
                  <View id="search-suggestions">
                    <Text className="sj-section-title">大家都在办</Text>
                    {suggestions.map((item) => (
                      <ItemCard key={item.code} item={item} id={`search-suggestion-${item.code}`} onTap={open} />
                    ))}
                  </View>
                ) : null}
              </View>
            }
          />
        </>
      )}
    </PageShell>
  );
}
