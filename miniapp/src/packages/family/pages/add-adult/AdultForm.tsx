import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { AddAdultRequest, FamilyMember, FormField } from '@suijing/shared';
import { checkField } from '@suijing/shared/forms';
import { FieldError } from '@/components/FieldError';
import { FormFieldView } from '@/components/FormFieldView';
import { SubmitButton } from '@/components/SubmitButton';
import { addAdult } from '@/services/family';
import { stepUpUrl } from '@/utils/assurance';
import { describeSubmitFailure, memoryAttempt } from '@/utils/submit-attempt';
import { MemberFields } from '../../components/MemberFields';
import { EMPTY_MEMBER, memberFields, memberIssues, memberRequest, type MemberDraft } from '../../utils/member-form';

const FIELDS = memberFields('adult');

const METHOD: FormField = {
  key: 'method',
  label: '对方如何授权',
  type: 'radio',
  required: true,
  options: [
    { value: 'sms', label: '短信验证码（发至其户籍登记的手机）' },
    { value: 'account', label: '在其本人的穗警通中确认' },
  ],
};

/** Step 1: who, what they are to me, and how they will authorise it. */
export function AdultForm({ onSent }: { onSent: (member: FamilyMember) => void }): JSX.Element {
  const [draft, setDraft] = useState<MemberDraft>(EMPTY_MEMBER);
  const [method, setMethod] = useState('sms');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const attempt = useMemo(() => memoryAttempt(), []);

  const submit = async (): Promise<void> => {
    const issues: Record<string, string | undefined> = memberIssues(FIELDS, draft);
    const methodIssue = checkField(METHOD, method);
    if (methodIssue) issues.method = methodIssue;
    setErrors(issues);
    if (Object.values(issues).some(Boolean)) {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    const request: AddAdultRequest = {
      ...memberRequest(draft),
      relation: draft.relation as AddAdultRequest['relation'],
      method: method as AddAdultRequest['method'],
    };
    setSending(true);
    setFailure(null);
    try {
      const member = await addAdult(request, attempt.key(request));
      attempt.end();
      onSent(member);
    } catch (error) {
      const described = describeSubmitFailure(error, '可再次提交，不会重复发送');
      if (described.stepUp) {
        void Taro.navigateTo({ url: stepUpUrl(described.stepUp) });
        return;
      }
      setErrors((prev) => ({ ...prev, ...described.fields }));
      setFailure(described.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <View className="sj-card family-proof" id="add-adult-proof">
        <Text className="family-proof__title">成年家人须本人授权</Text>
        <Text className="family-proof__line">
          年满 16 周岁的家人，须由其本人同意后您才能代其办事：可向其户籍登记的手机发送验证码，由您输入；或由 TA
          在自己的穗警通「我的家人」中刷脸确认。
        </Text>
        <Text className="family-proof__line">TA 可随时撤销授权，撤销后立即生效。</Text>
      </View>
      <MemberFields fields={FIELDS} draft={draft} errors={errors} onChange={setDraft} onErrors={setErrors} />
      <View className="sj-card">
        <FormFieldView
          field={METHOD}
          value={method}
          error={errors.method}
          onChange={(value) => {
            setMethod(typeof value === 'string' ? value : '');
            setErrors((prev) => ({ ...prev, method: undefined }));
          }}
          onBlur={() => undefined}
        />
      </View>
      <View className="family-form-actions">
        <SubmitButton
          id="add-adult-submit"
          label={method === 'account' ? '发送授权邀请' : '发送验证码'}
          sending={sending}
          failed={failure !== null}
          onSubmit={() => void submit()}
        />
        <FieldError id="add-adult-error" message={failure} className="family-form-actions__error" />
      </View>
    </>
  );
}
