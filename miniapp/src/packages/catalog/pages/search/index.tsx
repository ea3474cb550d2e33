import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { ItemSummary, PackageSummary, Suggestion } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { MAX_QUERY_LENGTH } from '@/services/catalog';
import { goTo, itemUrl, packageUrl, routeParam } from '@/utils/navigation';
import { useRecentSearches } from './recent-searches';
import { useSearchQuery } from './useSearchQuery';
import { useSuggestions } from './useSuggestions';
import { useSearchResults } from './useSearchResults';
import { SearchIdle } from './SearchIdle';
import { SuggestList } from './SuggestList';
import { SearchResults } from './SearchResults';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * 搜索: suggestions while typing (open an item or 一件事 directly), labelled
 * results on 搜索, and help instead of an empty page when nothing matches.
 */
export default function SearchPage(): JSX.Element {
  const { text, query, view, type, submit } = useSearchQuery(routeParam(useRouter().params, 'q'));
  const { recent, remember, clear } = useRecentSearches();
  const suggestions = useSuggestions(text, view === 'suggest');
  const list = useSearchResults(query);
  useReachBottom(() => {
    if (view === 'results') list.loadMore();
  });

  // A result that was opened is a search worth remembering, even if 搜索 was never pressed.
  const openItem = (item: ItemSummary): void => {
    if (query !== '') remember(query);
    goTo(itemUrl(item.code));
  };
  const openPackage = (pkg: PackageSummary): void => {
    if (query !== '') remember(query);
    goTo(packageUrl(pkg.code));
  };
  const openSuggestion = (suggestion: Suggestion): void => {
    remember(suggestion.text);
    goTo(suggestion.kind === 'item' ? itemUrl(suggestion.code) : packageUrl(suggestion.code));
  };
  const search = (value?: string): void => {
    const searched = submit(value);
    if (searched === '') return;
    remember(searched);
    // A new answer starts at its top, not where the last one was scrolled to.
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  return (
    <PageShell id="page-search">
      <View className="search-bar" id="search-input">
        <SearchBar
          shape="round"
          placeholder="如：宝宝上户口、换身份证"
          value={text}
          maxLength={MAX_QUERY_LENGTH}
          // Not SearchBar's autoFocus: on H5 it focuses Taro's input before that has
          // rendered (a page error). The input's own props focus it once it exists.
          inputProps={{ confirmType: 'search', ...(IS_WEAPP ? { focus: true } : { autoFocus: true }) }}
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

      {view === 'idle' ? <SearchIdle recent={recent} onPick={search} onClear={clear} onOpen={openItem} /> : null}
      {view === 'suggest' ? (
        <SuggestList text={text} state={suggestions} onOpen={openSuggestion} onSearch={() => search()} />
      ) : null}
      {view === 'results' ? (
        <SearchResults query={query} list={list} onOpenItem={openItem} onOpenPackage={openPackage} />
      ) : null}
    </PageShell>
  );
}
