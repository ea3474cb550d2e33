import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ItemGuide, Licence, VehicleDetail } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { fetchItemGuide } from '@/services/catalog';
import { listLicences } from '@/services/licences';
import { fetchVehicle } from '@/services/traffic';
import { mortgageReleaseUrl, routeParam } from '@/utils/navigation';
import { TrafficStates } from '../../components/TrafficStates';
import { ReleaseForm } from './ReleaseForm';
import './index.scss';

interface ReleaseData {
  vehicle: VehicleDetail;
  /** Null unless the release can be applied for now. */
  guide: ItemGuide | null;
  licences: Licence[];
}

async function load(id: string): Promise<ReleaseData> {
  const { vehicle } = await fetchVehicle(id);
  const release = vehicle.mortgageRelease;
  if (!vehicle.mortgaged || !release?.possible) return { vehicle, guide: null, licences: [] };
  const [guide, licences] = await Promise.all([
    fetchItemGuide(release.itemCode).then((answer) => answer.item),
    // Optional: without the list the citizen uploads instead.
    listLicences().then(
      (answer) => answer.items,
      () => [],
    ),
  ]);
  return { vehicle, guide, licences };
}

/** 解除抵押: once the lender has filed its release, the owner applies online; the case shows in 我的办件. */
export default function MortgageReleasePage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const loader = useCallback(() => load(id), [id]);
  const back = (
    <Button className="sj-block-button" type="primary" fill="outline" onClick={() => void Taro.navigateBack()}>
      返回
    </Button>
  );
  return (
    <PageShell id="page-mortgage-release">
      <TrafficStates
        id="release"
        load={loader}
        here={mortgageReleaseUrl(id)}
        loginReason="登录并完成实名认证后即可在线申请解除抵押。"
        notFound={{
          codes: ['VEHICLE_NOT_FOUND', 'VALIDATION_FAILED'],
          title: '未找到该车辆',
          note: '它可能已转出或注销，请返回刷新。',
          children: back,
        }}
      >
        {({ vehicle, guide, licences }) =>
          guide ? (
            <ReleaseForm vehicle={vehicle} lender={vehicle.mortgageRelease?.lender} guide={guide} licences={licences} />
          ) : (
            <EmptyState
              id="release-not-ready"
              title={vehicle.mortgaged ? '暂不能申请解除抵押' : '该车辆没有抵押登记'}
              note={
                vehicle.mortgaged
                  ? (vehicle.mortgageRelease?.reason ?? '抵押权人尚未提交解除抵押信息，请联系贷款机构办理后再申请。')
                  : undefined
              }
            >
              {back}
            </EmptyState>
          )
        }
      </TrafficStates>
    </PageShell>
  );
}
