import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyList, FamilyMember } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { PersonalStates } from '@/components/PersonalStates';
import { familyMemberUrl, goTo, ROUTES, withQuery } from '@/utils/navigation';
import { MemberRow } from '../../components/MemberRow';
import { useReloadOnReturn } from '../../hooks/useReloadOnReturn';
import { Authorisations } from './Authorisations';
import { Invitations } from './Invitations';
import { loadFamily, type FamilyOverview } from './load';
import './index.scss';

/** A pending SMS invitation opens its code step; every other member their page. */
function open(member: FamilyMember): void {
  if (member.status === 'pending' && member.invitation?.method === 'sms') {
    goTo(withQuery(ROUTES.familyAddAdult, { memberId: member.memberId }));
  } else {
    goTo(familyMemberUrl(member.memberId));
  }
}

function pendingNote(member: FamilyMember): string | undefined {
  if (member.status !== 'pending' || !member.invitation) return undefined;
  return member.invitation.method === 'sms'
    ? `验证码已发送至 ${member.invitation.phoneMasked ?? '其登记手机'}，点此输入`
    : '等待对方在其穗警通中确认';
}

function Members({ family }: { family: FamilyList }): JSX.Element {
  const full = family.members.length >= family.limit;
  return (
    <>
      <Text className="sj-section-title" id="family-count">
        我的家人（{family.members.length}/{family.limit}）
      </Text>
      <View className="sj-card" id="family-members">
        {family.members.length === 0 ? (
          <EmptyState
            id="family-empty"
            title="还没有添加家人"
            note="添加后可为未成年子女或授权您的家人在线办事、预约，查看其办件和证照。"
          />
        ) : (
          family.members.map((member) => (
            <MemberRow
              key={member.memberId}
              id={`family-member-${member.memberId}`}
              member={member}
              note={pendingNote(member)}
              onTap={() => open(member)}
            />
          ))
        )}
      </View>
      <View className="family-add">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="family-add-child"
          disabled={full}
          onClick={() => goTo(ROUTES.familyAddChild)}
        >
          添加未满 16 周岁的子女
        </Button>
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="family-add-adult"
          disabled={full}
          onClick={() => goTo(ROUTES.familyAddAdult)}
        >
          添加成年家人（需对方授权）
        </Button>
        <Text className="sj-hint family-add__note">
          {full
            ? `最多可添加 ${family.limit} 位家人，请先移除不再代办的家人`
            : '子女凭出生医学证明或户口簿核验监护关系；成年家人须本人短信验证或在其穗警通中确认。'}
        </Text>
      </View>
    </>
  );
}

function Overview({ data, reload }: { data: FamilyOverview; reload: () => void }): JSX.Element {
  useReloadOnReturn(reload);
  return (
    <>
      <Invitations items={data.invitations.items} onChanged={reload} />
      <Members family={data.family} />
      <Authorisations items={data.authorisations.items} onChanged={reload} />
    </>
  );
}

/** 我的家人: members I act for, invitations waiting for me, and who may act for me. */
export default function FamilyPage(): JSX.Element {
  return (
    <PageShell id="page-family">
      <PersonalStates
        id="family"
        load={loadFamily}
        here={ROUTES.family}
        loginReason="登录后可添加家人，为其在线办事和预约。"
        unverified={{
          title: '添加家人前请先完成实名认证',
          note: '家人关系按您的实名身份核验（出生医学证明、户口簿或对方授权）。',
        }}
      >
        {(data, reload) => <Overview data={data} reload={reload} />}
      </PersonalStates>
    </PageShell>
  );
}
