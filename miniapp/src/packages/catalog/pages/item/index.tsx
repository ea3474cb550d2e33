import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import { CatalogStaleNotice } from '@/components/CatalogStaleNotice';
import { fetchItemGuide } from '@/services/catalog';
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
import { useRouteLookup } from '../../hooks/useRouteLookup';
import './index.scss';

/** 办事指南: everything about one item, with the favourite star and 在线办理 at hand. */
export default function ItemPage(): JSX.Element {
  const { state, reload } = useRouteLookup(fetchItemGuide, 'ITEM_NOT_FOUND');

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
