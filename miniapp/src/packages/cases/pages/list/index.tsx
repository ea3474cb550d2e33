import { useCallback, useRef, useState } from 'react';
import { useDidShow, useReachBottom } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import type { ApplicationList, ApplicationSummary } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import { ListFooter } from '@/components/ListFooter';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAuth } from '@/hooks/useAuth';
import { usePagedList } from '@/hooks/usePagedList';
import { CASE_TABS, type CaseTabKey } from '@/utils/case-format';
import { caseUrl, goTo, ROUTES } from '@/utils/navigation';
import { CaseCard } from '../../components/CaseCard';
import { fetchCasesPage } from '../../services/fetch-cases';
import './index.scss';
import { ListTabs } from '@/components/ListTabs';

/** 我的办件: my cases by status, newest first, page by page. */
export default function CasesPage(): JSX.Element {
  const auth = useAuth();
  const [tab, setTab] = useState<CaseTabKey>('all');
  const statuses = CASE_TABS.find((t) => t.key === tab)?.statuses ?? [];
  const loggedIn = auth.status === 'authenticated';
  const fetchPage = useCallback((page: number) => fetchCasesPage(statuses, page), [statuses]);
  const list = usePagedList<ApplicationSummary, ApplicationList>(
    loggedIn ? tab : null,
    fetchPage,
    (item) => item.caseNo,
  );
  useReachBottom(list.loadMore);
  // Back from a case (supplemented, withdrawn): show the new statuses.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current && loggedIn) list.reload();
    shown.current = true;
  });

  return (
    <PageShell id="page-cases">
      <ListTabs
        block="cases-tabs"
        idPrefix="cases-tab"
        label="办件状态"
        tabs={CASE_TABS}
        active={tab}
        onChange={setTab}
      />

      {auth.status === 'anonymous' ? (
        <View className="sj-card">
          <LoginPrompt reason="登录后可查看您在线提交的办件和办理进度。" />
        </View>
      ) : null}
      {loggedIn && list.status === 'loading' ? (
        <View id="cases-loading" aria-busy="true">
          {[0, 1, 2].map((n) => (
            <View className="sj-card" key={n}>
              <Skeleton rows={3} animated />
            </View>
          ))}
        </View>
      ) : null}
      {list.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="cases-error" message={list.error ?? '加载失败'} onRetry={list.reload} />
        </View>
      ) : null}
      {list.status === 'ready' && list.items.length === 0 ? (
        <EmptyState
          id="cases-empty"
          title={tab === 'all' ? '还没有办件' : `没有「${CASE_TABS.find((t) => t.key === tab)?.title ?? ''}」的办件`}
          note="在线提交的申请会出现在这里。"
        >
          <Button className="sj-block-button" type="primary" fill="outline" onClick={() => goTo(ROUTES.search)}>
            去找办事事项
          </Button>
        </EmptyState>
      ) : null}
      {list.status === 'ready' && list.items.length > 0 ? (
        <View id="cases-list">
          {list.items.map((item) => (
            <CaseCard key={item.caseNo} item={item} onTap={() => goTo(caseUrl(item.caseNo))} />
          ))}
          <ListFooter id="cases" more={list.more} error={list.error} onLoadMore={list.loadMore} />
        </View>
      ) : null}
      <Text className="sj-hint cases-lookup" id="cases-lookup" onClick={() => goTo(ROUTES.lookup)}>
        替家人查询？凭办件编号查询进度 ›
      </Text>
    </PageShell>
  );
}
