import { useCallback, useEffect } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ItemSummary } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ItemList } from '@/components/ItemList';
import { EmptyState } from '@/components/EmptyState';
import { usePagedList } from '@/hooks/usePagedList';
import { listItems } from '@/services/catalog';
import { goTo, itemUrl, routeParam } from '@/utils/navigation';
import { BackButton } from '../../components/BackButton';
import './index.scss';

const codeOf = (item: ItemSummary): string => item.code;
const openItem = (item: ItemSummary): void => goTo(itemUrl(item.code));

/** Items of one life event (from 首页) or police type: `?lifeEvent=cs&title=出生`. */
export default function ListPage(): JSX.Element {
  const params = useRouter().params;
  const lifeEvent = routeParam(params, 'lifeEvent');
  const policeType = routeParam(params, 'policeType');
  const title = routeParam(params, 'title') || '事项列表';

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);

  const fetchPage = useCallback(
    (page: number) => listItems({ lifeEvent: lifeEvent || undefined, policeType: policeType || undefined, page }),
    [lifeEvent, policeType],
  );
  const list = usePagedList(`${lifeEvent}|${policeType}`, fetchPage, codeOf);
  useReachBottom(list.loadMore);

  return (
    <PageShell id="page-list">
      <View className="list-head">
        <Text className="list-head__title" id="list-title">
          {title}
        </Text>
        <Text className="list-head__note">
          {list.status === 'ready' && list.last ? `共 ${list.last.total} 项相关事项` : '相关警务事项'}
        </Text>
      </View>
      <ItemList
        list={list}
        id="list-item"
        onOpen={openItem}
        empty={
          <EmptyState id="list-empty" title="暂无相关事项" note="可返回首页搜索您要办的事">
            <BackButton />
          </EmptyState>
        }
      />
    </PageShell>
  );
}
