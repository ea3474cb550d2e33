import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { InPersonCheckPanel } from '@/components/InPersonCheck';
import { CHANNEL_NAME, inPersonChannel } from '@/utils/assurance';
import type { VerifyFormState } from './useVerifyForm';

/** The identity is bound to another account: 刷脸换绑 moves it here after an in-person check, or 返回修改. */
export function BoundElsewhere({ form }: { form: VerifyFormState }): JSX.Element {
  const { fields } = form;
  return (
    <View className="real-name-bound" id="real-name-bound-elsewhere">
      <Text className="real-name-bound__title">该身份已绑定其他账号</Text>
      <Text className="real-name-bound__text">
        一个身份只能绑定一个账号。如果这是您本人的身份，可以通过“刷脸换绑”把它绑定到当前账号：需由本人完成
        {CHANNEL_NAME[inPersonChannel()]}，原账号将立即在所有设备上退出登录，并收到短信和站内消息通知。
      </Text>
      <Text className="real-name-bound__text real-name-bound__warn">如果这不是您本人的身份，请勿继续。</Text>
      <InPersonCheckPanel
        id="real-name-takeover"
        person={fields.validate}
        onPassed={form.onPassed}
        onFieldErrors={fields.setErrors}
        startText="刷脸换绑"
      />
      <Button
        block
        className="sj-block-button real-name-bound__back"
        type="default"
        id="real-name-edit"
        onClick={form.backToForm}
      >
        返回修改
      </Button>
    </View>
  );
}
