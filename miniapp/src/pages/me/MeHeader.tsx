import { View, Text } from '@tarojs/components';
import type { AuthState } from '@/stores/auth-store';

/** Blue band with who is logged in; the masked phone is the account's name on screen. */
export function MeHeader({ auth }: { auth: AuthState }): JSX.Element {
  const title =
    auth.status === 'authenticated'
      ? (auth.user.phoneMasked ?? '穗警通用户')
      : auth.status === 'anonymous'
        ? '未登录'
        : auth.status === 'loading'
          ? '正在加载…'
          : '账号信息暂不可用';
  const subtitle = auth.status === 'authenticated' ? '欢迎使用穗警通' : '登录后办理业务更便捷';
  return (
    <View className="me-header">
      <View className="me-header__avatar" aria-hidden>
        <View className="me-header__avatar-head" />
        <View className="me-header__avatar-body" />
      </View>
      <View className="me-header__text">
        <Text className="me-header__title" id={auth.status === 'authenticated' ? 'me-phone' : 'me-title'}>
          {title}
        </Text>
        <Text className="me-header__subtitle">{subtitle}</Text>
      </View>
    </View>
  );
}
