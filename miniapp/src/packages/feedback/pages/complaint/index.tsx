import { useCallback, useRef, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ComplaintDetail } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { fetchComplaint } from '@/services/feedback';
import { formatDateTime } from '@/utils/format';
import { complaintUrl, goTo, ROUTES, routeParam } from '@/utils/navigation';
import { FeedbackStates } from '../../components/FeedbackStates';
import { Stars } from '../../components/Stars';
import { KIND_TEXT, levelText, photosText, STAGE_TONE } from '../../utils/format';
import { ComplaintRatingForm } from './ComplaintRatingForm';
import { LoopProgress } from './LoopProgress';
import './index.scss';
import { BackToListButton } from '@/components/BackToListButton';

function ComplaintView({
  detail,
  onRated,
}: {
  detail: ComplaintDetail;
  onRated: (next: ComplaintDetail) => void;
}): JSX.Element {
  return (
    <>
      <View className="complaint-head" id="complaint-head">
        <View className="complaint-head__badges">
          <Text className="sj-badge sj-badge--primary" id="complaint-kind">
            {KIND_TEXT[detail.kind]}
          </Text>
          <Text className={`sj-badge ${STAGE_TONE[detail.stage]} complaint-head__stage`} id="complaint-stage">
            {detail.stageText}
          </Text>
        </View>
        <Text className="complaint-head__name" id="complaint-title">
          {detail.title}
        </Text>
        <Text className="complaint-head__note" id="complaint-id" userSelect>
          工单号 {detail.id}
        </Text>
      </View>
      <View className="sj-card" id="complaint-content-card">
        <View className="complaint-row">
          <Text className="complaint-row__label">诉求类别</Text>
          <Text className="complaint-row__value" id="complaint-category">
            {detail.categoryText}
          </Text>
        </View>
        <View className="complaint-row">
          <Text className="complaint-row__label">提交时间</Text>
          <Text className="complaint-row__value">{formatDateTime(detail.createdAt)}</Text>
        </View>
        <Text className="complaint-content" id="complaint-content">
          {detail.content}
        </Text>
        <Text className="complaint-hint" id="complaint-photos">
          {photosText(detail.photos)}
        </Text>
      </View>
      <LoopProgress detail={detail} />
      {detail.rating ? (
        <View className="sj-card" id="complaint-rating">
          <Text className="complaint-section__title">我的评价</Text>
          <Stars id="complaint-rating-stars" label="办理结果满意度" value={detail.rating.level} />
          <Text className="complaint-rate__level" id="complaint-rating-level">
            {levelText(detail.rating.level)}
          </Text>
          {detail.rating.comment ? (
            <Text className="complaint-content" id="complaint-rating-comment">
              {detail.rating.comment}
            </Text>
          ) : null}
          <Text className="complaint-hint">评价时间 {formatDateTime(detail.rating.at)}</Text>
        </View>
      ) : null}
      {detail.canRate && !detail.rating ? <ComplaintRatingForm detail={detail} onRated={onRated} /> : null}
    </>
  );
}

/** 诉求详情 (`?id=`): what was said, where it is in 接 答 派 办 评, and 评 once it was handled. */
export default function ComplaintPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchComplaint(id), [id]);
  // Back on the page (e.g. from 实名认证): load again through a new key.
  const [generation, setGeneration] = useState(0);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) setGeneration((n) => n + 1);
    shown.current = true;
  });
  return (
    <PageShell id="page-complaint">
      <FeedbackStates
        key={generation}
        id="complaint"
        load={load}
        here={complaintUrl(id)}
        loginReason="登录后可查看您的诉求办理进度。"
        notFound={{
          codes: ['COMPLAINT_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该诉求',
          note: '请在「我的诉求」中查看。',
          children: <BackToListButton label="我的诉求" onClick={() => goTo(ROUTES.complaints)} />,
        }}
      >
        {(detail, _reload, replace) => <ComplaintView detail={detail} onRated={replace} />}
      </FeedbackStates>
    </PageShell>
  );
}
