import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { DrivingLicence } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { StaleNotice } from '@/components/StaleNotice';
import { fetchDrivingLicence } from '@/services/traffic';
import { formatDay } from '@/utils/case-format';
import { goTo, ROUTES } from '@/utils/navigation';
import { DeadlineRow } from '../../components/DeadlineRow';
import { InfoRow } from '../../components/InfoRow';
import { PointsGauge } from '../../components/PointsGauge';
import { StatusBadges } from '../../components/StatusBadges';
import { TrafficStates } from '../../components/TrafficStates';
import { pointsResetText, SEVERITY_TONE, trafficStaleText } from '../../utils/format';
import './index.scss';

function Licence({ licence }: { licence: DrivingLicence }): JSX.Element {
  return (
    <>
      <View className="licence-head">
        <Text className="licence-head__label">准驾车型</Text>
        <Text className="licence-head__name" id="licence-classes">
          {licence.classes}
        </Text>
        <Text className="licence-head__note">
          {licence.name} · 证号 {licence.numberMasked}
        </Text>
        <StatusBadges statuses={licence.statuses} id="licence-statuses" />
      </View>

      <View className="sj-card" id="licence-points">
        <View className="licence-section__head">
          <Text className="licence-section__title">记分</Text>
          <Text className="sj-badge sj-badge--primary" id="licence-reset-countdown">
            {pointsResetText(licence.pointsReset.daysLeft)}
          </Text>
        </View>
        <PointsGauge
          id="licence-gauge"
          remaining={licence.points.remaining}
          accumulated={licence.points.accumulated}
          max={licence.points.max}
        />
        <InfoRow id="licence-reset" label="清分日期" value={formatDay(licence.pointsReset.date)} />
      </View>

      <View className="sj-card" id="licence-info">
        <Text className="licence-section__title">证件信息</Text>
        <DeadlineRow id="licence-validity" label="有效期止" what="有效期止" deadline={licence.validity} />
        <InfoRow label="有效期起" value={formatDay(licence.validFrom)} />
        <InfoRow id="licence-first-issued" label="初次领证" value={formatDay(licence.firstIssuedOn)} />
        <InfoRow id="licence-issuer" label="发证机关" value={licence.issuer} />
        <InfoRow label="档案编号" value={licence.archiveNoMasked} />
        {licence.lastReviewOn ? <InfoRow label="审验日期" value={formatDay(licence.lastReviewOn)} /> : null}
        {licence.lastMedicalOn ? <InfoRow label="体检日期" value={formatDay(licence.lastMedicalOn)} /> : null}
        <View className="licence-state">
          <Text className="licence-state__label">证件状态</Text>
          <Text className={`sj-badge ${SEVERITY_TONE[licence.severity]}`} id="licence-severity">
            {licence.statuses.map((s) => s.text).join('、') || '正常'}
          </Text>
        </View>
      </View>

      <View className="licence-actions">
        <Button block className="sj-block-button" type="primary" id="licence-e-card" onClick={() => goTo(ROUTES.eCard)}>
          电子驾驶证
        </Button>
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="licence-violations"
          onClick={() => goTo(ROUTES.violations)}
        >
          违法记录
        </Button>
        {licence.downgrade ? (
          <Button
            block
            className="sj-block-button"
            fill="outline"
            id="licence-downgrade"
            onClick={() => goTo(ROUTES.downgrade)}
          >
            自愿降级
          </Button>
        ) : null}
      </View>
    </>
  );
}

/** 我的驾驶证: class, points as a gauge, deadlines, statuses, and the way to the e-card, violations, 降级. */
export default function DrivingLicencePage(): JSX.Element {
  const load = useCallback(() => fetchDrivingLicence(), []);
  return (
    <PageShell id="page-licence">
      <TrafficStates
        id="licence"
        load={load}
        here={ROUTES.drivingLicence}
        loginReason="登录后可查看您的驾驶证、记分和电子驾驶证。"
        notFound={{
          codes: ['DRIVING_LICENCE_NOT_FOUND'],
          title: '未查询到您名下的驾驶证',
          note: '如您已取得驾驶证但未查到，请拨打 12123 咨询。',
        }}
      >
        {(answer) => (
          <>
            <StaleNotice id="licence-stale" text={trafficStaleText(answer.freshness)} />
            <Licence licence={answer.licence} />
          </>
        )}
      </TrafficStates>
    </PageShell>
  );
}
