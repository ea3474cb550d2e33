import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ComplaintSummary } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { listComplaints } from '@/services/feedback';
import { formatDateTime } from '@/utils/format';
import { complaintUrl, goTo, ROUTES } from '@/utils/navigation';
import { FeedbackStates } from '../../components/FeedbackStates';
import { KIND_TEXT, STAGE_TONE } from '../../utils/format';
import './index.scss';

function ComplaintCard({ item }: { item: ComplaintSummary }): JSX.Element {
  return (
    <View
      className="complaint-card"
      id={`complaint-${item.id}`}
      role="link"
      onClick={() => goTo(complaintUrl(item.id))}
      hoverClass="complaint-card--pressed"
    >
      <View className="complaint-card__head">
        <Text className={`sj-badge ${item.kind === 'complaint' ? 'sj-badge--warning' : 'sj-badge--primary'}`}>
          {KIND_TEXT[item.kind]}
        </Text>
        <Text className="complaint-card__category">{item.categoryText}</Text>
        <Text className={`sj-badge ${STAGE_TONE[item.stage]}`} id={`complaint-${item.id}-stage`}>
          {item.stageText}
        </Text>
      </View>
      <Text className="complaint-card__title">{item.title}</Text>
      <Text className="complaint-card__line">
        工单号 {item.id} · {formatDateTime(item.createdAt)}
      </Text>
    </View>
  );
}

const newComplaint = (): void => goTo(ROUTES.complaintNew);

/** 我的诉求: my complaints and suggestions, newest first, each with where it is in the 12345 loop. */
export default function ComplaintsPage(): JSX.Element {
  // Coming back from a new complaint or a rating: load again (a new key remounts the load).
  const [generation, setGeneration] = useState(0);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) setGeneration((n) => n + 1);
    shown.current = true;
  });
  const load = useCallback(() => listComplaints(), []);

  return (
    <PageShell id="page-complaints">
      <View className="complaints-head">
        <Text className="complaints-head__name">投诉建议</Text>
        <Text className="complaints-head__note">
          诉求经 12345 接、答、派、办、评全程跟踪，办理完成后请对结果作出评价。
        </Text>
        <Button className="complaints-head__new" id="complaints-new" type="default" onClick={newComplaint}>
          新建诉求
        </Button>
      </View>
      <FeedbackStates
        key={generation}
        id="complaints"
        load={load}
        here={ROUTES.complaints}
        loginReason="登录后可提交投诉建议，并查看办理进度。"
      >
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState id="complaints-empty" title="还没有诉求" note="对办事服务有意见或建议，欢迎告诉我们。">
              <Button
                className="sj-block-button"
                type="primary"
                fill="outline"
                id="complaints-empty-new"
                onClick={newComplaint}
              >
                新建诉求
              </Button>
            </EmptyState>
          ) : (
            <View id="complaints-list">
              {items.map((item) => (
                <ComplaintCard key={item.id} item={item} />
              ))}
            </View>
          )
        }
      </FeedbackStates>
    </PageShell>
  );
}
