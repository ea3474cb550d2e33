import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyMember } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { LoginGate, PersonalStates } from '@/components/PersonalStates';
import { fetchMember } from '@/services/family';
import { ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { AdultForm } from './AdultForm';
import { CodeStep } from './CodeStep';
import './index.scss';

/** After 发送授权邀请 (in their own app): what happens next. */
function InvitationSent({ member }: { member: FamilyMember }): JSX.Element {
  return (
    <View className="sj-card family-sent" id="add-adult-sent">
      <Text className="family-sent__title">授权邀请已发送</Text>
      <Text className="family-sent__note">
        请 {member.nameMasked} 打开其本人的穗警通，在「我的 › 我的家人」中刷脸确认。确认前您暂不能代 TA 办理。
      </Text>
      <Button
        block
        className="sj-block-button family-form-actions__secondary"
        type="primary"
        id="add-adult-done"
        onClick={() => void Taro.redirectTo({ url: ROUTES.family })}
      >
        返回我的家人
      </Button>
    </View>
  );
}

/** `?memberId=`: an SMS invitation waiting for its code (from 我的家人, or after a reload). */
function PendingCode({ memberId }: { memberId: string }): JSX.Element {
  const load = useCallback(() => fetchMember(memberId), [memberId]);
  return (
    <PersonalStates
      id="add-adult"
      load={load}
      here={withQuery(ROUTES.familyAddAdult, { memberId })}
      loginReason="登录后可继续确认家人授权。"
      unverified={{ title: '请先完成实名认证', note: '家人关系按您的实名身份核验。' }}
    >
      {(member) =>
        member && member.status === 'pending' ? (
          <CodeStep member={member} />
        ) : (
          <EmptyState
            id="add-adult-not-pending"
            title="该授权无需再确认"
            note="它可能已确认、已过期或已移除，请返回我的家人查看。"
          />
        )
      }
    </PersonalStates>
  );
}

/** 添加成年家人: who they are and how they authorise it (SMS code typed here, or in their own app). */
export default function AddAdultPage(): JSX.Element {
  const memberId = routeParam(useRouter().params, 'memberId');
  const [sent, setSent] = useState<FamilyMember | null>(null);
  const body = (): JSX.Element => {
    if (memberId) return <PendingCode memberId={memberId} />;
    if (sent) return sent.invitation?.method === 'sms' ? <CodeStep member={sent} /> : <InvitationSent member={sent} />;
    return (
      <LoginGate id="add-adult-login" loginReason="登录并完成实名认证后即可添加家人。">
        <AdultForm
          onSent={(member) => {
            setSent(member);
            // The next step replaces the form: start it at its top, not where the form was scrolled to.
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
          }}
        />
      </LoginGate>
    );
  };
  return <PageShell id="page-family-add-adult">{body()}</PageShell>;
}
