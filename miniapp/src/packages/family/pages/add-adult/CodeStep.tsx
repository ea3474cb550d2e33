import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyMember, FormField } from '@suijing/shared';
import { FieldError } from '@/components/FieldError';
import { FormFieldView } from '@/components/FormFieldView';
import { SubmitButton } from '@/components/SubmitButton';
import { messageOf } from '@/services/api-error';
import { confirmMember } from '@/services/family';
import { familyMemberUrl, ROUTES } from '@/utils/navigation';

const CODE: FormField = {
  key: 'code',
  label: '短信验证码',
  type: 'text',
  required: true,
  minLength: 6,
  maxLength: 6,
  placeholder: '6 位数字',
  help: '请向家人询问 TA 收到的验证码，10 分钟内有效',
};

/** Step 2 of an SMS invitation: the code the member received, which makes the link active. */
export function CodeStep({ member }: { member: FamilyMember }): JSX.Element {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async (): Promise<void> => {
    const typed = code.trim();
    if (!/^\d{6}$/.test(typed)) {
      setError('请输入 6 位数字验证码');
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const active = await confirmMember(member.memberId, typed);
      void Taro.showToast({ title: '授权成功', icon: 'success' });
      void Taro.redirectTo({ url: familyMemberUrl(active.memberId) });
    } catch (failed) {
      setFailure(messageOf(failed));
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <View className="sj-card family-proof" id="add-adult-code-step">
        <Text className="family-proof__title">输入 {member.nameMasked} 收到的验证码</Text>
        <Text className="family-proof__line">
          验证码已发送至 TA 户籍登记的手机 {member.invitation?.phoneMasked ?? ''}。TA
          告诉您验证码，即表示同意您代其办事。
        </Text>
        <FormFieldView
          field={CODE}
          value={code}
          error={error}
          onChange={(value) => {
            setCode(typeof value === 'string' ? value : '');
            setError(undefined);
          }}
          onBlur={() => undefined}
        />
      </View>
      <View className="family-form-actions">
        <SubmitButton
          id="add-adult-confirm"
          label="确认授权"
          sending={sending}
          failed={failure !== null}
          onSubmit={() => void submit()}
        />
        <FieldError id="add-adult-confirm-error" message={failure} className="family-form-actions__error" />
        <Button
          block
          className="sj-block-button family-form-actions__secondary"
          id="add-adult-later"
          onClick={() => void Taro.redirectTo({ url: ROUTES.family })}
        >
          稍后输入
        </Button>
      </View>
    </>
  );
}
