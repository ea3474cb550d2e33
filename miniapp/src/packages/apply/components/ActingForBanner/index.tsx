import { View, Text } from '@tarojs/components';
import type { ActingFor } from '../../state/session';
import './index.scss';

/** 代办: whom the application is for (当事人) and who files it (代办人：我), above the form and on the review. */
export function ActingForBanner({ member }: { member: ActingFor }): JSX.Element {
  return (
    <View className="acting-for" id="acting-for">
      <View className="acting-for__row">
        <Text className="acting-for__label">当事人</Text>
        <Text className="acting-for__value" id="acting-for-subject">
          {member.nameMasked}（{member.relationText}）
        </Text>
      </View>
      <View className="acting-for__row">
        <Text className="acting-for__label">代办人</Text>
        <Text className="acting-for__value" id="acting-for-actor">
          我
        </Text>
      </View>
      <Text className="acting-for__note">
        当事人的身份信息来自其户籍登记，不可修改；办理进度会发给您，TA 如已注册穗警通也可查看。
      </Text>
    </View>
  );
}
