import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyMember } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { PageShell } from '@/components/PageShell';
import { PersonalStates } from '@/components/PersonalStates';
import { ApiError, messageOf } from '@/services/api-error';
import { fetchMember, removeMember } from '@/services/family';

import { familyMemberUrl, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { MemberRow } from '../../components/MemberRow';
import { dayText } from '../../utils/family-text';
import { ActFor } from './ActFor';
import { MemberCases } from './MemberCases';
import { MemberWallet } from './MemberWallet';
import './index.scss';

function Remove({ member }: { member: FamilyMember }): JSX.Element {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const remove = async (): Promise<void> => {
    setBusy(true);
    try {
      await removeMember(member.memberId);
      setAsking(false);
      void Taro.showToast({ title: '已移除', icon: 'success' });
      void Taro.redirectTo({ url: ROUTES.family });
    } catch (error) {
      // Gone already (another device): the list is right without it.
      if (error instanceof ApiError && error.code === 'FAMILY_MEMBER_NOT_FOUND')
        void Taro.redirectTo({ url: ROUTES.family });
      else void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="member-remove">
      <Button
        block
        className="sj-block-button"
        type="danger"
        fill="outline"
        id="member-remove"
        onClick={() => setAsking(true)}
      >
        移除家人
      </Button>
      <ConfirmDialog
        id="member-remove-dialog"
        visible={asking}
        title="移除家人"
        message={`移除后您立即不能再代 ${member.nameMasked} 办事、预约或查看其办件和证照；已提交的办件不受影响。确定移除吗？`}
        confirmText="移除"
        danger
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      />
    </View>
  );
}

function Member({ member }: { member: FamilyMember }): JSX.Element {
  const active = member.status === 'active';
  return (
    <>
      <View className="sj-card" id="member-card">
        <MemberRow id="member-head" member={member} />
        <View className="member-row">
          <Text className="member-row__label">授权状态</Text>
          <Text className="member-row__value" id="member-status">
            {member.statusText}
          </Text>
        </View>
        <View className="member-row">
          <Text className="member-row__label">关系核验</Text>
          <Text className="member-row__value" id="member-proof">
            {member.proofText}
          </Text>
        </View>
        {member.since ? (
          <View className="member-row">
            <Text className="member-row__label">授权起始</Text>
            <Text className="member-row__value">{dayText(member.since)}</Text>
          </View>
        ) : null}
        {!active ? (
          <Text className="sj-hint member-inactive" id="member-inactive">
            {member.status === 'pending' ? '对方确认授权后，才能为 TA 办事和预约。' : '授权已结束，不能再为 TA 办事。'}
          </Text>
        ) : null}
      </View>
      {active ? (
        <>
          <ActFor member={member} />
          <View className="sj-card member-book">
            <View className="member-book__text">
              <Text className="member-book__title">为 TA 预约</Text>
              <Text className="member-book__note">
                到厅由 TA 本人或您持双方身份证办理{member.age >= 60 ? '；60 周岁以上享绿色通道' : ''}
              </Text>
            </View>
            <Button
              size="small"
              type="primary"
              id="member-book"
              onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.hallBook, { memberId: member.memberId }) })}
            >
              去预约
            </Button>
          </View>
          <MemberCases memberId={member.memberId} />
          <MemberWallet memberId={member.memberId} />
        </>
      ) : null}
      <Remove member={member} />
    </>
  );
}

/** 家人: one member, what I may do for them (items, 预约), their cases and certificates, and removing them. */
export default function MemberPage(): JSX.Element {
  const memberId = routeParam(useRouter().params, 'memberId');
  const load = useCallback(async (): Promise<FamilyMember> => {
    const member = await fetchMember(memberId);
    if (!member) {
      throw new ApiError({ status: 404, code: 'FAMILY_MEMBER_NOT_FOUND', message: '未找到该家人' });
    }
    return member;
  }, [memberId]);
  return (
    <PageShell id="page-family-member">
      <PersonalStates
        id="member"
        load={load}
        here={familyMemberUrl(memberId)}
        loginReason="登录后可查看并代家人办事。"
        unverified={{ title: '请先完成实名认证', note: '家人关系按您的实名身份核验。' }}
        notFound={{
          codes: ['FAMILY_MEMBER_NOT_FOUND'],
          title: '未找到该家人',
          note: '可能已被移除，或对方已撤销授权。',
        }}
      >
        {(member) => <Member member={member} />}
      </PersonalStates>
    </PageShell>
  );
}
