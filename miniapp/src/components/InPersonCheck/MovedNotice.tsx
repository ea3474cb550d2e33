import type { ReactNode } from 'react';
import { View, Text } from '@tarojs/components';

/** After 刷脸换绑: the identity is bound here now; the other account was logged out and told. */
export function MovedNotice({ id, children }: { id: string; children?: ReactNode }): JSX.Element {
  return (
    <View className="in-person-moved" id={id} aria-live="polite">
      <Text className="in-person-moved__title">实名身份已换绑到当前账号</Text>
      <Text className="in-person-moved__text">
        您的实名身份原来绑定在另一个账号上，现已通过本人认证改为绑定当前账号。原账号已在所有设备上退出登录，并已收到短信和站内消息通知。
      </Text>
      <Text className="sj-hint in-person-moved__text">可在“我的 → 实名与绑定”中查看绑定记录。</Text>
      {children}
    </View>
  );
}
