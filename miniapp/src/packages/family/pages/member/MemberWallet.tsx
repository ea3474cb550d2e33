import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { WalletItem } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { useAsync } from '@/hooks/useAsync';
import { fetchMemberWallet } from '@/services/family';

const TONE: Record<WalletItem['status'], string> = {
  valid: 'sj-badge--success',
  expiring: 'sj-badge--warning',
  expired: 'sj-badge--danger',
  suspended: 'sj-badge--warning',
  revoked: 'sj-badge--muted',
};

/** 有效期至 2029-09-09, or 长期有效 for a certificate without an end. */
function validity(validUntil: string | undefined): string {
  if (!validUntil) return '';
  return validUntil === '长期' ? ' · 长期有效' : ` · 有效期至 ${validUntil}`;
}

/** TA 的证照: the member's certificates as the systems of record have them (read only: 出示 is the holder's). */
export function MemberWallet({ memberId }: { memberId: string }): JSX.Element {
  const load = useCallback(() => fetchMemberWallet(memberId), [memberId]);
  const { state, reload } = useAsync(load);
  return (
    <View className="sj-card" id="member-wallet">
      <Text className="member-section__title">TA 的证照</Text>
      {state.status === 'loading' ? <Skeleton rows={3} animated /> : null}
      {state.status === 'error' ? (
        <ErrorState id="member-wallet-error" message={state.message} onRetry={reload} />
      ) : null}
      {state.status === 'success' && state.data.items.length === 0 ? (
        <Text className="sj-hint" id="member-wallet-empty">
          暂未查询到 TA 的电子证照
        </Text>
      ) : null}
      {state.status === 'success'
        ? state.data.items.map((item) => (
            <View className="member-cert" key={item.id} id={`member-cert-${item.id}`}>
              <View className="member-case__head">
                <Text className="member-case__name">{item.name}</Text>
                <Text className={`sj-badge ${TONE[item.status]}`}>{item.statusText}</Text>
              </View>
              <Text className="member-case__line">
                {item.numberMasked} · {item.issuer}
                {validity(item.validUntil)}
              </Text>
            </View>
          ))
        : null}
      {state.status === 'success' && state.data.unavailable.length > 0 ? (
        <Text className="sj-hint member-wallet__unavailable" id="member-wallet-unavailable">
          {state.data.unavailable.map((u) => u.sourceName).join('、')}暂时无法查询，相关证照稍后再看
        </Text>
      ) : null}
    </View>
  );
}
