import { View, Text } from '@tarojs/components';
import type { ItemSummary, PackageSummary } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { ListFooter } from '@/components/ListFooter';
import { ItemListSkeleton } from '@/components/ItemList';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import { ItemHitCard } from './ItemHitCard';
import { PackageHitCard } from './PackageHitCard';
import { SearchHelp } from './SearchHelp';
import { hitKey, resultCountText, understoodText } from './search-format';
import type { SearchResultList } from './useSearchResults';

interface SearchResultsProps {
  query: string;
  list: SearchResultList;
  onOpenItem: (item: ItemSummary) => void;
  onOpenPackage: (pkg: PackageSummary) => void;
}

/** The answer to a search in every state: loading, failed, nothing found (with help), hits page by page. */
export function SearchResults({ query, list, onOpenItem, onOpenPackage }: SearchResultsProps): JSX.Element | null {
  if (list.status === 'idle') return null;
  if (list.status === 'loading') return <ItemListSkeleton id="search-result-loading" />;
  if (list.status === 'error') {
    return (
      <View className="sj-card">
        <ErrorState id="search-result-error" message={list.error ?? '搜索失败，请稍后重试'} onRetry={list.reload} />
      </View>
    );
  }
  const last = list.last;
  if (list.items.length === 0) return <SearchHelp query={query} help={last?.help} onOpen={onOpenItem} />;

  const understood = last ? understoodText(last.query.text, last.query.terms) : null;
  return (
    <View className="search-results" id="search-result">
      <View className="search-summary">
        <Text className="search-summary__count" id="search-count">
          {resultCountText(last?.total ?? list.items.length)}
        </Text>
        {understood ? (
          <Text className="search-summary__terms" id="search-terms">
            {understood}
          </Text>
        ) : null}
      </View>
      <CatalogStaleNotice catalog={last?.catalog} />
      {list.items.map((hit) =>
        hit.kind === 'item' ? (
          <ItemHitCard key={hitKey(hit)} hit={hit} onOpen={onOpenItem} />
        ) : (
          <PackageHitCard key={hitKey(hit)} pkg={hit.package} onOpen={onOpenPackage} />
        ),
      )}
      <ListFooter more={list.more} error={list.error} onLoadMore={list.loadMore} id="search-result" />
    </View>
  );
}
