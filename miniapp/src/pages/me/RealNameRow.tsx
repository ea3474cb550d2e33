import { useCallback } from 'react';
import { View, Text } from '@tarojs/components';
import type { User } from '@suijing/shared';
import { useAsync } from '@/hooks/useAsync';
import { fetchIdentity } from '@/services/identity';
import { assuranceText } from '@/utils/assurance';
import { goTo, realNameUrl, ROUTES } from '@/utils/navigation';

/**
 * 实名状态 and the level this session holds (未实名 / 已实名 / 已刷脸认证 until…):
 * the masked name and ID number once verified, else the way to 实名认证.
 */
export function RealNameRow({ user }: { user: User }): JSX.Element {
  const verified = user.realNameStatus === 'verified';
  const load = useCallback(() => (verified ? fetchIdentity() : Promise.resolve(null)), [verified]);
  const { state } = useAsync(load);
  const identity = state.status === 'success' ? state.data : null;
  const level = assuranceText(user.assurance);
  return (
    <View
      className="me-account__row me-account__row--link"
      id="me-realname-entry"
      role="link"
      onClick={() => goTo(verified ? ROUTES.binding : realNameUrl())}
    >
      <Text className="me-account__label">实名状态</Text>
      <View className="me-account__realname">
        {verified && identity?.nameMasked ? (
          <Text className="me-account__masked" id="me-realname-masked">
            {identity.nameMasked} {identity.idNumberMasked ?? ''}
          </Text>
        ) : null}
        <Text className={`sj-badge sj-badge--${level.tone}`} id="me-realname">
          {verified ? level.text : '未实名，去认证 ›'}
        </Text>
      </View>
    </View>
  );
}
