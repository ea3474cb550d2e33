import { useCallback, useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { ViolationListQuery } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { EmptyState } from '@/components/EmptyState';
import { StaleNotice } from '@/components/StaleNotice';
import { listViolations } from '@/services/traffic';
import { ROUTES } from '@/utils/navigation';
import { TrafficStates } from '../../components/TrafficStates';
import { trafficStaleText, VIOLATION_KIND_CHIPS, VIOLATION_STATUS_TABS, yuanText } from '../../utils/format';
import { ViolationCard } from './ViolationCard';
import './index.scss';
import { ListTabs } from '@/components/ListTabs';

function Violations({ query }: { query: ViolationListQuery }): JSX.Element {
  const load = useCallback(() => listViolations(query), [query]);
  return (
    <TrafficStates id="violations" load={load} here={ROUTES.violations} loginReason="登录后可查看您的交通违法记录。">
      {(answer) => (
        <>
          <StaleNotice id="violations-stale" text={trafficStaleText(answer.freshness)} />
          <View className="violations-totals" id="violations-totals">
            <View className="violations-totals__cell">
              <Text className="violations-totals__value" id="violations-total-count">
                {answer.totals.count}
              </Text>
              <Text className="violations-totals__label">条数</Text>
            </View>
            <View className="violations-totals__cell">
              <Text className="violations-totals__value" id="violations-total-fine">
                {yuanText(answer.totals.fine)}
              </Text>
              <Text className="violations-totals__label">罚款</Text>
            </View>
            <View className="violations-totals__cell">
              <Text className="violations-totals__value" id="violations-total-points">
                {answer.totals.points}
              </Text>
              <Text className="violations-totals__label">记分</Text>
            </View>
          </View>
          {answer.items.length === 0 ? (
            <EmptyState id="violations-empty" title="暂无违法记录" note="请继续保持安全文明驾驶。" />
          ) : (
            <View id="violations-list">
              {answer.items.map((violation) => (
                <ViolationCard key={violation.id} violation={violation} />
              ))}
            </View>
          )}
        </>
      )}
    </TrafficStates>
  );
}

/** 违法记录: by 未处理 / 已处理 / 全部 and by 非现场 / 现场, with the totals of what is shown. */
export default function ViolationsPage(): JSX.Element {
  const [query, setQuery] = useState<ViolationListQuery>({ status: 'unhandled', kind: 'all' });
  return (
    <PageShell id="page-violations">
      <View className="violations-filters">
        <ListTabs
          block="violations-tabs"
          idPrefix="violations-tab"
          label="处理状态"
          tabs={VIOLATION_STATUS_TABS}
          active={query.status}
          onChange={(key) => setQuery((prev) => ({ ...prev, status: key }))}
        />
        <View className="violations-kinds" role="radiogroup" aria-label="违法类型">
          {VIOLATION_KIND_CHIPS.map((chip) => (
            <View
              key={chip.key}
              id={`violations-kind-${chip.key}`}
              className={`violations-kinds__chip ${chip.key === query.kind ? 'violations-kinds__chip--on' : ''}`}
              role="radio"
              aria-checked={chip.key === query.kind}
              onClick={() => setQuery((prev) => ({ ...prev, kind: chip.key }))}
            >
              <Text>{chip.title}</Text>
            </View>
          ))}
        </View>
      </View>
      {/* A new filter is a new load: remount, so an older answer can never show under the new tabs. */}
      <Violations key={`${query.status}-${query.kind}`} query={query} />
    </PageShell>
  );
}
