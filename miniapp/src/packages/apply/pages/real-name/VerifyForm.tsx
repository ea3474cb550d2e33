import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { IdentityFields } from '@/components/IdentityFields';
import { InPersonCheckPanel, MovedNotice } from '@/components/InPersonCheck';
import { BoundElsewhere } from './BoundElsewhere';
import { useVerifyForm, type VerifyFormState } from './useVerifyForm';
import { FieldError } from '@/components/FieldError';

/** 提交认证 against the register, or 刷脸 / 网证 at once. */
function VerifyActions({ form }: { form: VerifyFormState }): JSX.Element {
  return (
    <>
      <Button
        block
        className="sj-block-button"
        type="primary"
        id="real-name-submit"
        loading={form.busy}
        disabled={form.locked}
        onClick={() => void form.submit()}
      >
        {form.locked ? '今日已无法再试' : '提交认证'}
      </Button>
      <View className="real-name-or">
        <Text className="sj-hint">或一步完成实名和本人认证（查询车驾管记录、出示电子证照需要）</Text>
      </View>
      <InPersonCheckPanel
        id="real-name-check"
        person={form.fields.validate}
        onPassed={form.onPassed}
        onFieldErrors={form.fields.setErrors}
      />
    </>
  );
}

/**
 * 实名 for an account without an identity: name + ID number against the
 * register (L2), or at once with 刷脸 / 网证 (L2 and L3). When the identity is
 * bound to another account, 刷脸换绑 moves it here after an in-person check.
 */
export function VerifyForm({ next }: { next: string }): JSX.Element {
  const form = useVerifyForm(next);

  if (form.mode === 'moved') {
    return (
      <MovedNotice id="real-name-moved">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="real-name-continue"
          onClick={form.continueAfterMove}
        >
          继续
        </Button>
      </MovedNotice>
    );
  }

  return (
    <View className="real-name-form">
      <IdentityFields id="real-name" fields={form.fields} />
      <FieldError id="real-name-error" className="real-name-form__error" message={form.error} />
      {form.mode === 'bound-elsewhere' ? <BoundElsewhere form={form} /> : <VerifyActions form={form} />}
      <Text className="sj-hint real-name-form__privacy">
        您的姓名和身份证号码仅用于与公安人口信息核验身份，页面上只显示遮挡后的号码。
      </Text>
    </View>
  );
}
