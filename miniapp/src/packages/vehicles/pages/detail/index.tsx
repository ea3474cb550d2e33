import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { VehicleDetail } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { StaleNotice } from '@/components/StaleNotice';
import { fetchVehicle } from '@/services/traffic';
import { formatDay } from '@/utils/case-format';
import { goTo, ROUTES, routeParam, vehicleUrl } from '@/utils/navigation';
import { DeadlineRow } from '../../components/DeadlineRow';
import { InfoRow } from '../../components/InfoRow';
import { Plate } from '../../components/Plate';
import { StatusBadges } from '../../components/StatusBadges';
import { TrafficStates } from '../../components/TrafficStates';
import { trafficStaleText } from '../../utils/format';
import { MortgageSection } from './MortgageSection';
import './index.scss';
import { BackToListButton } from '@/components/BackToListButton';

function Vehicle({ vehicle }: { vehicle: VehicleDetail }): JSX.Element {
  // Absent when the violation records could not be read: say so rather than show 0.
  const unhandled = vehicle.unhandledViolations;
  return (
    <>
      <View className="vehicle-head">
        <Plate text={vehicle.plate} colour={vehicle.plateColour} size="large" id="vehicle-plate" />
        <Text className="vehicle-head__name" id="vehicle-name">
          {vehicle.brand} {vehicle.model}
        </Text>
        <Text className="vehicle-head__note">
          {vehicle.plateKind} · {vehicle.colour}
        </Text>
        <StatusBadges statuses={vehicle.statuses} id="vehicle-statuses" />
      </View>

      <View
        className={`sj-card vehicle-violations ${unhandled === undefined ? 'vehicle-violations--unknown' : unhandled > 0 ? 'vehicle-violations--some' : ''}`}
        id="vehicle-violations"
        role="link"
        onClick={() => goTo(ROUTES.violations)}
      >
        <Text className="vehicle-violations__label">未处理违法</Text>
        <Text className="vehicle-violations__count" id="vehicle-violations-count">
          {unhandled === undefined ? '暂无法查询' : `${unhandled} 条`}
        </Text>
        <Text className="vehicle-violations__arrow" aria-hidden>
          ›
        </Text>
      </View>

      <View className="sj-card" id="vehicle-deadlines">
        <Text className="vehicle-section__title">有效期</Text>
        <DeadlineRow id="vehicle-inspection" label="检验有效期止" what="检验有效期止" deadline={vehicle.inspection} />
        <DeadlineRow id="vehicle-insurance" label="交强险终止" what="交强险终止" deadline={vehicle.insurance} />
        <DeadlineRow id="vehicle-scrap" label="强制报废期止" what="强制报废期止" deadline={vehicle.scrap} />
      </View>

      <View className="sj-card" id="vehicle-info">
        <Text className="vehicle-section__title">车辆信息</Text>
        <InfoRow label="号牌种类" value={vehicle.plateKind} />
        <InfoRow label="品牌型号" value={`${vehicle.brand} ${vehicle.model}`} />
        <InfoRow label="车身颜色" value={vehicle.colour} />
        <InfoRow label="车辆类型" value={vehicle.vehicleType} />
        <InfoRow label="使用性质" value={vehicle.useNature} />
        <InfoRow id="vehicle-registered" label="初次登记" value={formatDay(vehicle.registeredOn)} />
        <InfoRow id="vehicle-vin" label="识别代号" value={vehicle.vinMasked} />
        <InfoRow id="vehicle-owner" label="机动车所有人" value={vehicle.ownerMasked} />
      </View>

      {vehicle.mortgaged && vehicle.mortgageRelease ? (
        <MortgageSection vehicleId={vehicle.id} release={vehicle.mortgageRelease} />
      ) : null}
    </>
  );
}

/** 车辆详情: the plate in full, deadlines with countdowns, violations, and 解除抵押 for a mortgaged car. */
export default function VehicleDetailPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchVehicle(id), [id]);
  return (
    <PageShell id="page-vehicle">
      <TrafficStates
        id="vehicle"
        load={load}
        here={vehicleUrl(id)}
        loginReason="登录后可查看登记在您名下的机动车。"
        notFound={{
          codes: ['VEHICLE_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该车辆',
          note: '它可能已转出或注销，请返回刷新。',
          children: (
            <BackToListButton
              id="vehicle-back"
              label="返回我的车辆"
              onClick={() => void Taro.redirectTo({ url: ROUTES.vehicles })}
            />
          ),
        }}
      >
        {(answer) => (
          <>
            <StaleNotice id="vehicle-stale" text={trafficStaleText(answer.freshness)} />
            <Vehicle vehicle={answer.vehicle} />
          </>
        )}
      </TrafficStates>
    </PageShell>
  );
}
