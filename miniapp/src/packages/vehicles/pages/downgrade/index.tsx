import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { DrivingLicence, ItemGuide, Licence } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { fetchItemGuide } from '@/services/catalog';
import { listLicences } from '@/services/licences';
import { fetchDrivingLicence } from '@/services/traffic';
import { ROUTES } from '@/utils/navigation';
import { TrafficStates } from '../../components/TrafficStates';
import { DowngradeForm } from './DowngradeForm';

interface DowngradeData {
  licence: DrivingLicence;
  /** Null when this licence may not be downgraded. */
  guide: ItemGuide | null;
  licences: Licence[];
}

/** The licence (its downgrade options), the item's guide (its materials) and my e-licences. */
async function load(): Promise<DowngradeData> {
  const { licence } = await fetchDrivingLicence();
  if (!licence.downgrade) return { licence, guide: null, licences: [] };
  const [guide, licences] = await Promise.all([
    fetchItemGuide(licence.downgrade.itemCode).then((answer) => answer.item),
    // Optional: without the list the citizen uploads instead.
    listLicences().then(
      (answer) => answer.items,
      () => [],
    ),
  ]);
  return { licence, guide, licences };
}

/** 自愿降级: apply to drop to a lower licence class; the case then shows in 我的办件. */
export default function DowngradePage(): JSX.Element {
  const loader = useCallback(load, []);
  return (
    <PageShell id="page-downgrade">
      <TrafficStates
        id="downgrade"
        load={loader}
        here={ROUTES.downgrade}
        loginReason="登录并完成实名认证后即可在线申请自愿降级。"
        notFound={{ codes: ['DRIVING_LICENCE_NOT_FOUND'], title: '未查询到您名下的驾驶证' }}
      >
        {({ licence, guide, licences }) =>
          licence.downgrade && guide ? (
            <DowngradeForm licence={licence} downgrade={licence.downgrade} guide={guide} licences={licences} />
          ) : (
            <EmptyState
              id="downgrade-not-allowed"
              title="当前驾驶证不符合自愿降级条件"
              note={`您的准驾车型为 ${licence.classes}，暂无可降低的车型。`}
            >
              <Button
                className="sj-block-button"
                type="primary"
                fill="outline"
                onClick={() => void Taro.navigateBack()}
              >
                返回
              </Button>
            </EmptyState>
          )
        }
      </TrafficStates>
    </PageShell>
  );
}
