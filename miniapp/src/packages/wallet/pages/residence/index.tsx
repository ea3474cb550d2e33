import { useCallback, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { ResidenceOverview } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { fetchResidence } from '@/services/residence';
import { formatDay } from '@/utils/case-format';
import { ROUTES } from '@/utils/navigation';
import { StatusTag } from '../../components/StatusTag';
import { WalletStates } from '../../components/WalletStates';
import { ActionList } from './ActionList';
import { PermitCard } from './PermitCard';
import './index.scss';

/** Back from a form just filed (or a 签注 done): what may be done next has changed. */
function ReloadOnShow({ reload }: { reload: () => void }): null {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return null;
}

function Registrations({ overview }: { overview: ResidenceOverview }): JSX.Element {
  return (
    <View className="sj-card" id="residence-registrations">
      <Text className="residence-section__title">居住登记</Text>
      {overview.registrations.length === 0 ? (
        <Text className="sj-hint" id="residence-registrations-empty">
          暂无居住登记。来穗居住的，请自到达之日起 3 个工作日内申报居住登记。
        </Text>
      ) : (
        overview.registrations.map((registration, index) => (
          <View
            className="residence-entry"
            key={`${registration.registeredOn}-${index}`}
            id={`residence-registration-${index}`}
          >
            <View className="residence-entry__head">
              <Text className="residence-entry__name">{registration.address}</Text>
              <StatusTag
                tone={registration.active ? 'success' : 'muted'}
                text={registration.active ? '有效' : '已注销'}
                state={registration.active ? 'active' : 'ended'}
              />
            </View>
            <Text className="residence-entry__note">
              {formatDay(registration.registeredOn)} 登记
              {registration.active ? `，已居住 ${registration.monthsLived} 个月` : ''}
            </Text>
          </View>
        ))
      )}
    </View>
  );
}

function Endorsements({ overview }: { overview: ResidenceOverview }): JSX.Element | null {
  const permit = overview.permit;
  if (!permit) return null;
  return (
    <View className="sj-card" id="residence-endorsements">
      <Text className="residence-section__title">签注记录</Text>
      {permit.endorsements.length === 0 ? (
        <Text className="sj-hint">暂无签注记录。居住证每满一年须在期满前一个月内签注一次。</Text>
      ) : (
        [...permit.endorsements].reverse().map((endorsement) => (
          <View className="residence-entry" key={endorsement.anniversary}>
            <Text className="residence-entry__name">{formatDay(endorsement.on)} 签注</Text>
            <Text className="residence-entry__note">居住年度至 {formatDay(endorsement.anniversary)}</Text>
          </View>
        ))
      )}
    </View>
  );
}

function Overview({ overview, reload }: { overview: ResidenceOverview; reload: () => void }): JSX.Element {
  return (
    <>
      <ReloadOnShow reload={reload} />
      <PermitCard overview={overview} />
      <ActionList actions={overview.actions} />
      <Registrations overview={overview} />
      <Endorsements overview={overview} />
    </>
  );
}

/** 我的居住证: the permit and its status, what may be filed next and why not, 居住登记 and 签注记录. */
export default function ResidencePage(): JSX.Element {
  const load = useCallback(() => fetchResidence(), []);
  return (
    <PageShell id="page-residence">
      <WalletStates id="residence" load={load} here={ROUTES.residence} loginReason="登录后可查看和办理您的居住证。">
        {(overview, reload) => <Overview overview={overview} reload={reload} />}
      </WalletStates>
    </PageShell>
  );
}
