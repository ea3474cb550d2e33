import { useCallback, useRef } from 'react';
import { useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { DataUseList, DataUseRecord } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { ListFooter } from '@/components/ListFooter';
import { PageShell } from '@/components/PageShell';
import { LoginGate, StepUpPrompt } from '@/components/PersonalStates';
import { usePagedList } from '@/hooks/usePagedList';
import { listDataUse } from '@/services/privacy';
import { stepUpOf } from '@/utils/assurance';
import { ROUTES } from '@/utils/navigation';
import { UsageCard } from './UsageCard';
import './index.scss';

type UsagePage = DataUseList & { hasMore: boolean };

const SKELETON = (
  <View id="usage-loading" aria-busy="true">
    {[0, 1, 2].map((n) => (
      <View className="sj-card" key={n}>
        <Skeleton rows={2} animated />
      </View>
    ))}
  </View>
);

function UsageList(): JSX.Element {
  // The first page's failure as thrown: "take a step first" is an answer, not an error.
  const lastError = useRef<unknown>(null);
  const fetchPage = useCallback(async (page: number): Promise<UsagePage> => {
    try {
      const list = await listDataUse(page);
      return { ...list, hasMore: list.page * list.pageSize < list.total };
    } catch (error) {
      lastError.current = error;
      throw error;
    }
  }, []);
  const list = usePagedList<DataUseRecord, UsagePage>('usage', fetchPage, (item) => item.id);
  useReachBottom(list.loadMore);

  if (list.status === 'idle' || list.status === 'loading') return SKELETON;
  if (list.status === 'error') {
    const step = stepUpOf(lastError.current);
    if (step) {
      return (
        <StepUpPrompt
          id="usage"
          step={step}
          here={ROUTES.dataUsage}
          wording={{ title: '请先完成实名认证', note: '个人信息使用记录只向本人展示。' }}
        />
      );
    }
    return (
      <View className="sj-card">
        <ErrorState id="usage-error" message={list.error ?? '加载失败'} onRetry={list.reload} />
      </View>
    );
  }
  const retention = list.last?.retentionDays ?? 180;
  if (list.items.length === 0) {
    return (
      <EmptyState
        id="usage-empty"
        title="暂无使用记录"
        note={`查询车驾管记录、出示电子证照、查看身份信息时，会在这里留下记录，保留 ${retention} 天。`}
      />
    );
  }
  return (
    <View id="usage-list">
      <Text className="sj-hint usage-summary" id="usage-summary">
        共 {list.last?.total ?? list.items.length} 条，最近的在前，保留 {retention} 天
      </Text>
      {list.items.map((record) => (
        <UsageCard key={record.id} record={record} />
      ))}
      <ListFooter id="usage" more={list.more} error={list.error} onLoadMore={list.loadMore} />
    </View>
  );
}

/** 个人信息使用记录: every read of my records, e-licences and identity — when, what, which device and account. */
export default function DataUsagePage(): JSX.Element {
  return (
    <PageShell id="page-data-usage">
      <View className="usage-head">
        <Text className="usage-head__title">个人信息使用记录</Text>
        <Text className="usage-head__note">
          穗警通每次读取您的车驾管记录、电子证照或身份信息，都会记录在这里。如发现不是您本人的操作，请立即在“登录设备管理”中退出该设备，并拨打
          12345 反映。
        </Text>
      </View>
      <LoginGate id="usage-auth" loginReason="登录后可查看您的个人信息使用记录。" skeleton={SKELETON}>
        <UsageList />
      </LoginGate>
    </PageShell>
  );
}
