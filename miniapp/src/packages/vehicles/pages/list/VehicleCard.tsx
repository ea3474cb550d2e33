import { View, Text } from '@tarojs/components';
import type { VehicleSummary } from '@suijing/shared';
import { Plate } from '../../components/Plate';
import { StatusBadges } from '../../components/StatusBadges';
import { countdownText, DEADLINE_TONE, SEVERITY_TONE } from '../../utils/format';

const SEVERITY_WORD = { ok: '正常', notice: '提示', warning: '需关注', danger: '需处理' } as const;

/** A vehicle in 我的车辆: its plate (masked), what it is, its statuses, the inspection countdown, 抵押. */
export function VehicleCard({ vehicle, onTap }: { vehicle: VehicleSummary; onTap: () => void }): JSX.Element {
  const id = `vehicle-${vehicle.id}`;
  return (
    <View
      className={`vehicle-card vehicle-card--${vehicle.severity}`}
      id={id}
      role="link"
      data-severity={vehicle.severity}
      onClick={onTap}
      hoverClass="vehicle-card--pressed"
    >
      <View className="vehicle-card__head">
        <Plate text={vehicle.plateMasked} colour={vehicle.plateColour} id={`${id}-plate`} />
        <Text className={`sj-badge ${SEVERITY_TONE[vehicle.severity]}`} id={`${id}-severity`}>
          {SEVERITY_WORD[vehicle.severity]}
        </Text>
      </View>
      <Text className="vehicle-card__name">
        {vehicle.brand} {vehicle.model}
      </Text>
      <Text className="vehicle-card__line">
        {vehicle.plateKind} · {vehicle.colour}
      </Text>
      <View className="vehicle-card__badges">
        <Text className={`sj-badge ${DEADLINE_TONE[vehicle.inspection.state]}`} id={`${id}-inspection`}>
          {countdownText(vehicle.inspection, '检验有效期止')}
        </Text>
        {vehicle.mortgaged ? (
          <Text className="sj-badge sj-badge--muted" id={`${id}-mortgaged`}>
            抵押
          </Text>
        ) : null}
      </View>
      <StatusBadges statuses={vehicle.statuses} id={`${id}-statuses`} />
      <Text className="vehicle-card__more" aria-hidden>
        查看详情 ›
      </Text>
    </View>
  );
}
