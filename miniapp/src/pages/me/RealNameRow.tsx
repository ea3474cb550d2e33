import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import type { User } from '@suijing/shared';
import { useAsync } from '@/hooks/useAsync';
import { fetchIdentity } from '@/services/identity';
import { goTo, realNameUrl } from '@/utils/navigation';
import { REAL_NAME_LABEL } from '@/utils/format';

/** 实名状态: masked name and ID number once verified, else the way to 实名认证. */
export function RealNameRow({ user }: { user: User }): JSX.Element {
  const verified = user.realNameStatus === 'verified';
  const load = useCallback(() => (verified ? fetchIdentity() : Promise.resolve(null)), [verified]);
  const { state } = useAsync(load);
  const identity = state.status === 'success' ? state.data : null;
  return (
    <View
      className="me-account__row me-account__row--link"
      id="me-realname-entry"
      role="link"
      onClick={() => goTo(realNameUrl())}
    >
      <Text className="me-account__label">实名状态</Text>
      <View className="me-account__realname">
        {verified && identity?.nameMasked ? (
          <Text className="me-account__masked" id="me-realname-masked">
            {identity.nameMasked} {identity.idNumberMasked ?? ''}
          </Text>
        ) : null}
        <Text className={`sj-badge ${verified ? 'sj-badge--success' : 'sj-badge--warning'}`} id="me-realname">
          {verified ? REAL_NAME_LABEL.verified : '未实名，去认证 ›'}
        </Text>
      </View>
    </View>
  );
}
