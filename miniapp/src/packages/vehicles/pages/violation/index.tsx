import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ViolationDetail } from '@suijing/shared';
import { BackToListButton } from '@/components/BackToListButton';
import { PageShell } from '@/components/PageShell';
import { fetchViolation } from '@/services/violations';
import { fenText } from '@/utils/money';
import { goTo, payUrl, ROUTES, routeParam, violationHandleUrl, violationUrl } from '@/utils/navigation';
import { InfoRow } from '../../components/InfoRow';
import { TrafficStates } from '../../components/TrafficStates';
import { violationTimeText } from '../../utils/format';
import { EvidencePhotos } from './EvidencePhotos';
import './index.scss';

const STATE_TONE: Record<ViolationDetail['state'], string> = {
  unhandled: 'sj-badge--danger',
  unpaid: 'sj-badge--warning',
  paid: 'sj-badge--success',
};

function Violation({ violation }: { violation: ViolationDetail }): JSX.Element {
  return (
    <>
      <View className="sj-card violation-head" id="violation-head">
        <View className="violation-head__top">
          <Text className={`sj-badge ${STATE_TONE[violation.state]}`} id="violation-state">
            {violation.stateText}
          </Text>
          <Text className="violation-head__kind">{violation.kind === 'camera' ? '非现场（电子警察）' : '现场'}</Text>
        </View>
        <Text className="violation-head__act" id="violation-act">
          {violation.description}
        </Text>
        <View className="violation-head__penalty">
          <View className="violation-head__cell">
            <Text className="violation-head__value" id="violation-fine">
              {fenText(violation.fineFen)}
            </Text>
            <Text className="violation-head__label">罚款</Text>
          </View>
          <View className="violation-head__cell">
            <Text className="violation-head__value" id="violation-points">
              {violation.points} 分
            </Text>
            <Text className="violation-head__label">记分</Text>
          </View>
        </View>
      </View>

      <View className="sj-card" id="violation-facts">
        <Text className="violation-section__title">违法信息</Text>
        <InfoRow id="violation-time" label="违法时间" value={violationTimeText(violation.time)} />
        <InfoRow id="violation-place" label="违法地点" value={violation.place} />
        <InfoRow label="号牌号码" value={violation.plateMasked} />
        <InfoRow label="违法代码" value={violation.code} />
        <InfoRow label="采集机关" value={violation.authority} />
        {violation.decisionNo ? (
          <InfoRow id="violation-decision-no" label="决定书编号" value={violation.decisionNo} />
        ) : null}
      </View>

      <EvidencePhotos photos={violation.photos} />

      <View className="violation-bar">
        {violation.state === 'unhandled' ? (
          <Button
            block
            type="primary"
            className="sj-block-button"
            id="violation-handle"
            onClick={() => goTo(violationHandleUrl(violation.id))}
          >
            处理违法
          </Button>
        ) : violation.state === 'unpaid' && violation.decisionNo ? (
          <Button
            block
            type="primary"
            className="sj-block-button"
            id="violation-pay"
            onClick={() => goTo(payUrl({ kind: 'fine', decisionNo: violation.decisionNo ?? '' }))}
          >
            去缴款 {fenText(violation.fineFen)}
          </Button>
        ) : (
          <Text className="violation-bar__done" id="violation-done">
            该违法已处理完毕
          </Text>
        )}
      </View>
    </>
  );
}

/** 违法详情: the act, where and when, the fine and points, the photos, and the way to handle or pay it. */
export default function ViolationPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchViolation(id), [id]);
  // Back from 处理 or 缴款: read it again (a new key remounts the states), but not on the first show.
  const [visit, setVisit] = useState(0);
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) setVisit((n) => n + 1);
    shownBefore.current = true;
  });
  return (
    <PageShell id="page-violation">
      <TrafficStates
        key={visit}
        id="violation"
        load={load}
        here={violationUrl(id)}
        loginReason="登录后可查看您的交通违法记录。"
        notFound={{
          codes: ['VIOLATION_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该违法记录',
          note: '它可能不属于您名下的车辆或驾驶证，请返回刷新。',
          children: (
            <BackToListButton
              id="violation-back"
              label="返回违法记录"
              onClick={() => void Taro.redirectTo({ url: ROUTES.violations })}
            />
          ),
        }}
      >
        {(answer) => <Violation violation={answer.violation} />}
      </TrafficStates>
    </PageShell>
  );
}
