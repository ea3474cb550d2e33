import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { User } from '@suijing/shared';
import { LOGIN_METHOD_LABEL } from '@/utils/format';
import { RealNameRow } from './RealNameRow';

/** How this session logged in and the real-name status. */
export function AccountCard({ user }: { user: User }): JSX.Element {
  return (
    <View className="me-account__rows">
      <View className="me-account__row">
        <Text className="me-account__label">登录方式</Text>
        <Text className="me-account__value" id="me-login-method">
          {LOGIN_METHOD_LABEL[user.loginMethod]}登录
        </Text>
      </View>
      <RealNameRow user={user} />
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
