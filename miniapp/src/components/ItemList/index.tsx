import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { ItemListResponse, ItemSummary } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { ItemCard } from '@/components/ItemCard';
import { ListFooter } from '@/components/ListFooter';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import type { PagedList } from '@/hooks/usePagedList';
import './index.scss';

interface ItemListProps {
  list: PagedList<ItemSummary, ItemListResponse>;
  /** E2E ids: cards are `<id>-<code>`, the footer `<id>-end` etc., the error `<id>-error`. */
  id: string;
  /** Shown when the first page is empty. */
  empty: ReactNode;
  onOpen: (item: ItemSummary) => void;
}

export function ItemListSkeleton({ id }: { id?: string }): JSX.Element {
  return (
    <View id={id} aria-busy="true">
      {[0, 1, 2].map((n) => (
        <View className="sj-card" key={n}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  );
}

/** A paged list of item cards with every state it can be in: loading, failed, empty, more, done. */
export function ItemList({ list, id, empty, onOpen }: ItemListProps): JSX.Element | null {
  if (list.status === 'idle') return null;
  if (list.status === 'loading') return <ItemListSkeleton id={`${id}-loading`} />;
  if (list.status === 'error') {
    return (
      <View className="sj-card">
        <ErrorState id={`${id}-error`} message={list.error ?? '加载失败'} onRetry={list.reload} />
      </View>
    );
  }
  if (list.items.length === 0) return <>{empty}</>;
  return (
    <View className="item-list" id={id}>
      <CatalogStaleNotice catalog={list.last?.catalog} />
      {list.items.map((item) => (
        <ItemCard key={item.code} item={item} id={`${id}-${item.code}`} onTap={onOpen} />
      ))}
      <ListFooter more={list.more} error={list.error} onLoadMore={list.loadMore} id={id} />
    </View>
  );
}
