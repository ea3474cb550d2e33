import { useCallback, useState } from 'react';
import { View, Text } from '@tarojs/components';
import type { HotTopic } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { listHotTopics, type HotTopicStatus } from '@/services/feedback';
import { formatDateTime } from '@/utils/format';
import { heatText, HOT_TOPIC_TABS, HOT_TOPIC_TONE } from '../../utils/format';
import './index.scss';
import { ListTabs } from '@/components/ListTabs';

function TopicCard({ topic, rank }: { topic: HotTopic; rank: number }): JSX.Element {
  return (
    <View className="hot-topic" id={`hot-topic-${topic.id}`}>
      <Text className={`hot-topic__rank ${rank <= 3 ? 'hot-topic__rank--top' : ''}`} id={`hot-topic-${topic.id}-rank`}>
        {rank}
      </Text>
      <View className="hot-topic__body">
        <View className="hot-topic__head">
          <Text className="hot-topic__title">{topic.title}</Text>
          <Text className={`sj-badge ${HOT_TOPIC_TONE[topic.status]}`} id={`hot-topic-${topic.id}-status`}>
            {topic.statusText}
          </Text>
        </View>
        {topic.summary ? <Text className="hot-topic__summary">{topic.summary}</Text> : null}
        <Text className="hot-topic__line">
          <Text className="hot-topic__heat" id={`hot-topic-${topic.id}-heat`}>
            {heatText(topic.heat)}
          </Text>
          {` · ${topic.department}`}
        </Text>
        {topic.resolution ? (
          <Text className="hot-topic__resolution" id={`hot-topic-${topic.id}-resolution`}>
            整改情况：{topic.resolution}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

const EMPTY_TITLE: Record<HotTopicStatus, string> = {
  all: '暂无热点问题',
  listed: '暂无上榜问题',
  monitored: '暂无监测中的问题',
  delisted: '暂无撤榜问题',
};

function Topics({ status }: { status: HotTopicStatus }): JSX.Element {
  const load = useCallback(() => listHotTopics(status), [status]);
  const { state, reload } = useAsync(load);
  return (
    <PageStates id="hot-topics" state={state} onRetry={reload}>
      {({ items, updatedAt }) => (
        <>
          <Text className="sj-hint hot-topics__updated" id="hot-topics-updated">
            更新于 {formatDateTime(updatedAt)}
          </Text>
          {items.length === 0 ? (
            <EmptyState id="hot-topics-empty" title={EMPTY_TITLE[status]} note="群众反映集中的问题会在这里公开。" />
          ) : (
            <View id="hot-topics-list">
              {items.map((topic, index) => (
                <TopicCard key={topic.id} topic={topic} rank={index + 1} />
              ))}
            </View>
          )}
        </>
      )}
    </PageStates>
  );
}

/**
 * 民声热点榜: problems many citizens raised, as 上榜 (listed), 监测 (being
 * watched after a fix) and 撤榜 (resolved), ranked by heat. Public: no login.
 */
export default function HotTopicsPage(): JSX.Element {
  const [status, setStatus] = useState<HotTopicStatus>('all');
  return (
    <PageShell id="page-hot-topics">
      <View className="hot-topics-head">
        <Text className="hot-topics-head__name">民声热点榜</Text>
        <Text className="hot-topics-head__note">群众反映集中的问题上榜督办，整改后进入监测，解决后撤榜。</Text>
      </View>
      <ListTabs
        block="hot-topics-tabs"
        idPrefix="hot-topics-tab"
        label="热点状态"
        tabs={HOT_TOPIC_TABS}
        active={status}
        onChange={setStatus}
      />
      {/* A new tab is a new load: remount, so an older answer can never show under the new tab. */}
      <Topics key={status} status={status} />
    </PageShell>
  );
}
