import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { VehicleDetail } from '@suijing/shared';
import { goTo, mortgageReleaseUrl } from '@/utils/navigation';

type MortgageRelease = NonNullable<VehicleDetail['mortgageRelease']>;

/** 解除抵押 of a mortgaged vehicle: the way in once the lender has filed its release, else why not yet. */
export function MortgageSection({ vehicleId, release }: { vehicleId: string; release: MortgageRelease }): JSX.Element {
  return (
    <View className="sj-card" id="vehicle-mortgage">
      <Text className="vehicle-section__title">解除抵押</Text>
      <Text className="vehicle-mortgage__line">
        该车辆已办理抵押登记{release.lender ? `，抵押权人：${release.lender}` : ''}。
      </Text>
      {release.possible ? (
        <>
          <Text className="sj-hint vehicle-mortgage__line">抵押权人已提交解除抵押信息，可在线申请解除抵押登记。</Text>
          <Button
            block
            className="sj-block-button vehicle-mortgage__apply"
            type="primary"
            id="vehicle-mortgage-apply"
            onClick={() => goTo(mortgageReleaseUrl(vehicleId))}
          >
            申请解除抵押
          </Button>
        </>
      ) : (
        <Text className="vehicle-mortgage__reason" id="vehicle-mortgage-reason">
          {release.reason ?? '抵押权人尚未提交解除抵押信息，请联系贷款机构办理后再申请。'}
        </Text>
      )}
    </View>
  );
}
