import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { AddChildRequest } from '@suijing/shared';
import { FieldError } from '@/components/FieldError';
import { PageShell } from '@/components/PageShell';
import { LoginGate } from '@/components/PersonalStates';
import { SubmitButton } from '@/components/SubmitButton';
import { addChild } from '@/services/family';
import { stepUpUrl } from '@/utils/assurance';
import { familyMemberUrl } from '@/utils/navigation';
import { describeSubmitFailure, memoryAttempt } from '@/utils/submit-attempt';
import { MemberFields } from '../../components/MemberFields';
import { EMPTY_MEMBER, memberFields, memberIssues, memberRequest, type MemberDraft } from '../../utils/member-form';
import './index.scss';

const FIELDS = memberFields('child');

function ChildForm(): JSX.Element {
  const [draft, setDraft] = useState<MemberDraft>(EMPTY_MEMBER);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One key for every retry of the same child while the page is open.
  const attempt = useMemo(() => memoryAttempt(), []);

  const submit = async (): Promise<void> => {
    const issues = memberIssues(FIELDS, draft);
    setErrors(issues);
    if (Object.keys(issues).length > 0) {
      void Taro.showToast({ title: '还有信息需要填写或修改', icon: 'none' });
      return;
    }
    const request: AddChildRequest = {
      ...memberRequest(draft),
      relation: draft.relation as AddChildRequest['relation'],
    };
    setSending(true);
    setFailure(null);
    try {
      const member = await addChild(request, attempt.key(request));
      attempt.end();
      void Taro.showToast({ title: '已添加', icon: 'success' });
      void Taro.redirectTo({ url: familyMemberUrl(member.memberId) });
    } catch (error) {
      const described = describeSubmitFailure(error, '可再次提交，不会重复添加');
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
      <View className="sj-card family-proof" id="add-child-proof">
        <Text className="family-proof__title">监护关系如何核验</Text>
        <Text className="family-proof__line">1. 子女须未满 16 周岁，姓名和身份证号码须与户籍登记一致。</Text>
        <Text className="family-proof__line">
          2. 我们按电子证照核验：子女的出生医学证明登记您为父亲或母亲，或您与子女在同一户口簿上（您为户主或其配偶）。
        </Text>
        <Text className="family-proof__line">3. 核验通过即可为 TA 办理允许监护人代办的事项。</Text>
      </View>
      <MemberFields fields={FIELDS} draft={draft} errors={errors} onChange={setDraft} onErrors={setErrors} />
      <View className="family-form-actions">
        <SubmitButton
          id="add-child-submit"
          label="核验并添加"
          sending={sending}
          failed={failure !== null}
          onSubmit={() => void submit()}
        />
        <FieldError id="add-child-error" message={failure} className="family-form-actions__error" />
      </View>
    </>
  );
}

/** 添加未成年子女: name, ID number and relation, checked against the register and the child's certificates. */
export default function AddChildPage(): JSX.Element {
  return (
    <PageShell id="page-family-add-child">
      <LoginGate id="add-child" loginReason="登录并完成实名认证后即可添加家人。">
        <ChildForm />
      </LoginGate>
    </PageShell>
  );
}
