import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
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
import { FaqSection, NoticeSection, RefusalSection } from './GuideNoticeSections';
import { ActionBar } from './ActionBar';
import { BackButton } from '../../components/BackButton';
import { useRouteLookup } from '../../hooks/useRouteLookup';
import './index.scss';

/** 办事指南: everything about one item, with the favourite star and 在线办理 at hand. */
export default function ItemPage(): JSX.Element {
  const { state, reload } = useRouteLookup(fetchItemGuide, 'ITEM_NOT_FOUND');

  const found = state.status === 'success' && state.data.found;
  return (
    <PageShell id="page-item" className={found ? 'guide-page' : undefined}>
      <PageStates
        id="item"
        state={state}
        onRetry={reload}
        skeleton={
          <>
            <View className="guide-header">
              <Skeleton rows={3} animated />
            </View>
            {[0, 1].map((n) => (
              <View className="sj-card" key={n}>
                <Skeleton rows={4} animated />
              </View>
            ))}
          </>
        }
        notFound={{
          found: (data) => data.found,
          title: '未找到该事项',
          note: '它可能已调整或下线，请返回重新搜索。',
          children: <BackButton />,
        }}
      >
        {({ response: { item, catalog } }) => (
          <>
            <GuideHeader item={item} />
            <CatalogStaleNotice catalog={catalog} />
            <ConditionsSection item={item} />
            <NoticeSection item={item} />
            <MaterialsSection materials={item.materials} />
            <StepsSection item={item} />
            <TimeAndFeeSection item={item} />
            <HallsSection item={item} />
            <RefusalSection item={item} />
            <BasisSection item={item} />
            <ResultAndContactSection item={item} />
            <FaqSection item={item} />
            <ActionBar code={item.code} name={item.name} assurance={item.assurance} onBehalf={item.onBehalf} />
          </>
        )}
      </PageStates>
    </PageShell>
  );
}
