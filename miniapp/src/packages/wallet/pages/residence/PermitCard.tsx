import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ResidenceOverview, ResidencePermit } from '@suijing/shared';
import { formatDay } from '@/utils/case-format';
import { goTo, ROUTES } from '@/utils/navigation';
import { InfoRow } from '../../components/InfoRow';
import { StatusTag } from '../../components/StatusTag';
import { ITEM_TONE, toneOf } from '../../utils/format';

/** When the next 签注 is due, in words (or that this year's is done). */
export function endorsementText(permit: ResidencePermit): string {
  const window = permit.endorsementWindow;
  if (!window) return '有效期内无需再签注，到期前 30 日内可申请换领';
  if (window.endorsed) return `本居住年度（至${formatDay(window.anniversary)}）已签注`;
  return `请于${formatDay(window.opensOn)}至${formatDay(window.anniversary)}办理签注`;
}

function Permit({ permit }: { permit: ResidencePermit }): JSX.Element {
  return (
    <View className="sj-card residence-permit" id="residence-permit" data-status={permit.status}>
      <View className="residence-permit__head">
        <Text className="residence-permit__title">广东省居住证</Text>
        <StatusTag
          tone={toneOf(ITEM_TONE, permit.status)}
          text={permit.statusText}
          state={permit.status}
          id="residence-permit-status"
        />
      </View>
      <InfoRow label="居住证号码" value={permit.numberMasked} id="residence-permit-number" />
      <InfoRow label="签发机关" value={permit.issuer} />
      <InfoRow label="签发日期" value={formatDay(permit.issuedOn)} />
      <InfoRow label="有效期至" value={formatDay(permit.validUntil)} id="residence-permit-valid-until" />
      <InfoRow label="签注有效至" value={formatDay(permit.endorsedUntil)} />
      <InfoRow label="签注" value={endorsementText(permit)} id="residence-permit-endorsement" />
      <Button
        block
        className="sj-block-button residence-permit__card"
        type="primary"
        id="residence-e-card"
        onClick={() => goTo(ROUTES.residenceCard)}
      >
        出示电子居住证
      </Button>
    </View>
  );
}

/** The permit, or why there is none yet (a local hukou needs none). */
export function PermitCard({ overview }: { overview: ResidenceOverview }): JSX.Element {
  if (overview.permit) return <Permit permit={overview.permit} />;
  return (
    <View className="sj-card residence-permit residence-permit--none" id="residence-no-permit">
      <Text className="residence-permit__title">{overview.hukouLocal ? '您的户籍在广州市' : '您还没有居住证'}</Text>
      <Text className="sj-hint residence-permit__note">
        {overview.hukouLocal
          ? '广州市户籍居民无需申领居住证。'
          : `户籍地：${overview.hukouRegionName ?? '外地'}。在广州居住登记满 6 个月，并有合法稳定就业、合法稳定住所或连续就读之一的，可申领居住证。`}
      </Text>
    </View>
  );
}
