import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { User } from '@suijing/shared';
import { LOGIN_METHOD_LABEL, REAL_NAME_LABEL } from '@/utils/format';

/** How this session logged in and the real-name status. */
export function AccountCard({ user }: { user: User }): JSX.Element {
  const verified = user.realNameStatus === 'verified';
  return (
    <View className="me-account__rows">
      <View className="me-account__row">
        <Text className="me-account__label">登录方式</Text>
        <Text className="me-account__value" id="me-login-method">
          {LOGIN_METHOD_LABEL[user.loginMethod]}登录
        </Text>
      </View>
      <View className="me-account__row">
        <Text className="me-account__label">实名状态</Text>
        <Text className={`sj-badge ${verified ? 'sj-badge--success' : 'sj-badge--warning'}`} id="me-realname">
          {REAL_NAME_LABEL[user.realNameStatus]}
        </Text>
      </View>
    </View>
  );
}

export function AccountCardSkeleton(): JSX.Element {
  return (
    <View className="me-account__rows" id="me-loading" aria-busy="true">
      <Skeleton rows={2} animated />
    </View>
  );
}
