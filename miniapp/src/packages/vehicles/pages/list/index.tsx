import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { EmptyState } from '@/components/EmptyState';
import { StaleNotice } from '@/components/StaleNotice';
import { listVehicles } from '@/services/traffic';
import { goTo, ROUTES, vehicleUrl } from '@/utils/navigation';
import { TrafficStates } from '../../components/TrafficStates';
import { trafficStaleText } from '../../utils/format';
import { VehicleCard } from './VehicleCard';
import './index.scss';

/** 我的车辆: the motor vehicles registered to me, each with what needs attention. */
export default function VehiclesPage(): JSX.Element {
  const load = useCallback(() => listVehicles(), []);
  return (
    <PageShell id="page-vehicles">
      <TrafficStates id="vehicles" load={load} here={ROUTES.vehicles} loginReason="登录后可查看登记在您名下的机动车。">
        {(answer) => (
          <>
            <StaleNotice id="vehicles-stale" text={trafficStaleText(answer.freshness)} />
            {answer.items.length === 0 ? (
              <EmptyState
                id="vehicles-empty"
                title="名下暂无机动车"
                note="如刚办理注册登记或转入，信息可能需要一个工作日同步。"
              >
                <Button
                  className="sj-block-button"
                  type="primary"
                  fill="outline"
                  id="vehicles-licence"
                  onClick={() => goTo(ROUTES.drivingLicence)}
                >
                  查看我的驾驶证
                </Button>
              </EmptyState>
            ) : (
              <View id="vehicles-list">
                <Text className="sj-hint vehicles-count">共 {answer.items.length} 辆，号牌已部分隐藏</Text>
                {answer.items.map((vehicle) => (
                  <VehicleCard key={vehicle.id} vehicle={vehicle} onTap={() => goTo(vehicleUrl(vehicle.id))} />
                ))}
              </View>
            )}
          </>
        )}
      </TrafficStates>
    </PageShell>
  );
}
