import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { ItemGuideResponse } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import { useAsync } from '@/hooks/useAsync';
import { ApiError } from '@/services/api-error';
import { fetchItemGuide } from '@/services/catalog';
import { routeParam } from '@/utils/navigation';
import { GuideHeader } from './GuideHeader';
import { MaterialsSection } from './MaterialsSection';
import {
  BasisSection,
  ConditionsSection,
  HallsSection,
  ResultAndContactSection,
  StepsSection,
  TimeAndFeeSection,
} from './GuideSections';
import { ActionBar } from './ActionBar';
import { BackButton } from '../../components/BackButton';
import './index.scss';

/** A missing item is an answer, not a failure: no retry button for it. */
type GuideLoad = { found: true; response: ItemGuideResponse } | { found: false };

async function loadGuide(code: string): Promise<GuideLoad> {
  if (code === '') return { found: false };
  try {
    return { found: true, response: await fetchItemGuide(code) };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'ITEM_NOT_FOUND' || error.code === 'VALIDATION_FAILED')) {
      return { found: false };
    }
    throw error;
  }
}

/** 办事指南: everything about one item, with the favourite star and 在线办理 at hand. */
export default function ItemPage(): JSX.Element {
  const code = routeParam(useRouter().params, 'code');
  const load = useCallback(() => loadGuide(code), [code]);
  const { state, reload } = useAsync(load);

  if (state.status === 'loading') {
    return (
      <PageShell id="page-item">
        <View id="item-loading" aria-busy="true">
          <View className="guide-header">
            <Skeleton rows={3} animated />
          </View>
          {[0, 1].map((n) => (
            <View className="sj-card" key={n}>
              <Skeleton rows={4} animated />
            </View>
          ))}
        </View>
      </PageShell>
    );
  }
  if (state.status === 'error') {
    return (
      <PageShell id="page-item">
        <View className="sj-card">
          <ErrorState id="item-error" message={state.message} onRetry={reload} />
        </View>
      </PageShell>
    );
  }
  if (!state.data.found) {
    return (
      <PageShell id="page-item">
        <EmptyState id="item-not-found" title="未找到该事项" note="它可能已调整或下线，请返回重新搜索。">
          <BackButton />
        </EmptyState>
      </PageShell>
    );
  }

  const { item, catalog } = state.data.response;
  return (
    <PageShell id="page-item" className="guide-page">
      <GuideHeader item={item} />
      <CatalogStaleNotice catalog={catalog} />
      <ConditionsSection item={item} />
      <MaterialsSection materials={item.materials} />
      <StepsSection item={item} />
      <TimeAndFeeSection item={item} />
      <HallsSection item={item} />
      <BasisSection item={item} />
      <ResultAndContactSection item={item} />
      <ActionBar code={item.code} name={item.name} />
    </PageShell>
  );
}
