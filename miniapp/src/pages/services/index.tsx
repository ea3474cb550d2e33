import { useCallback } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ItemSummary } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ItemList } from '@/components/ItemList';
import { EmptyState } from '@/components/EmptyState';
import { useAsync } from '@/hooks/useAsync';
import { usePagedList } from '@/hooks/usePagedList';
import { useStore } from '@/hooks/useStore';
import { fetchCategories, listItems } from '@/services/catalog';
import { catalogFilterStore, setLifeEventFilter, setPoliceTypeFilter } from '@/stores/catalog-filter';
import { goTo, itemUrl } from '@/utils/navigation';
import { CategoryFilter } from './CategoryFilter';
import './index.scss';

const codeOf = (item: ItemSummary): string => item.code;
const openItem = (item: ItemSummary): void => goTo(itemUrl(item.code));

/** 办事: the whole catalog by police type (and life event), loading more as the citizen scrolls. */
export default function ServicesPage(): JSX.Element {
  const filter = useStore(catalogFilterStore);
  const categories = useAsync(fetchCategories);
  const { policeType, lifeEvent } = filter;

  const fetchPage = useCallback(
    (page: number) => listItems({ policeType: policeType ?? undefined, lifeEvent: lifeEvent ?? undefined, page }),
    [policeType, lifeEvent],
  );
  const list = usePagedList(`${policeType ?? ''}|${lifeEvent ?? ''}`, fetchPage, codeOf);
  // The page itself scrolls (weapp and H5 alike), so the page's own reach-bottom event drives paging.
  useReachBottom(list.loadMore);

  const total = list.status === 'ready' ? list.last?.total : undefined;
  return (
    <PageShell id="page-services">
      <CategoryFilter
        state={categories.state}
        onRetry={categories.reload}
        policeType={policeType}
        lifeEvent={lifeEvent}
        onPoliceType={setPoliceTypeFilter}
        onLifeEvent={setLifeEventFilter}
      />
      {total !== undefined && total > 0 ? (
        <Text className="services-total sj-hint" id="services-total">
          共 {total} 项，点击查看办事指南
        </Text>
      ) : null}
      <View className="services-list">
        <ItemList
          list={list}
          id="services-item"
          onOpen={openItem}
          empty={
            <EmptyState
              id="services-empty"
              title="该分类下暂无可在线办理的事项"
              note="换个分类看看，或到首页搜索您要办的事"
            />
          }
        />
      </View>
    </PageShell>
  );
}
