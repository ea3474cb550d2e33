import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyInvitation } from '@suijing/shared';
import { useStepUpAction } from '@/hooks/useStepUpAction';
import { messageOf } from '@/services/api-error';
import { acceptInvitation, declineInvitation } from '@/services/family';
import { formatDateTime } from '@/utils/format';

function Invitation({ invitation, onChanged }: { invitation: FamilyInvitation; onChanged: () => void }): JSX.Element {
  const id = `family-invitation-${invitation.invitationId}`;
  const [declining, setDeclining] = useState(false);
  // 同意 needs my own fresh 本人认证: the step opens, and back from it the acceptance goes on by itself.
  const accept = useStepUpAction(() => acceptInvitation(invitation.invitationId), {
    onDone: () => {
      void Taro.showToast({ title: '已同意授权', icon: 'success' });
      onChanged();
    },
    onError: (message) => void Taro.showToast({ title: message, icon: 'none', duration: 3000 }),
  });
  const decline = async (): Promise<void> => {
    setDeclining(true);
    try {
      await declineInvitation(invitation.invitationId);
      void Taro.showToast({ title: '已拒绝', icon: 'none' });
      onChanged();
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    } finally {
      setDeclining(false);
    }
  };
  return (
    <View className="family-invitation" id={id}>
      <Text className="family-invitation__title">
        {invitation.fromNameMasked} 申请作为您的{invitation.relationText}代您办事
      </Text>
      <Text className="family-invitation__note">
        {formatDateTime(invitation.createdAt)} · 同意后，TA
        可为您在线办理允许代办的事项、预约，并查看您的办件和证照。同意需本人刷脸确认。
      </Text>
      <View className="family-invitation__actions">
        <Button size="small" id={`${id}-decline`} loading={declining} onClick={() => void decline()}>
          拒绝
        </Button>
        <Button size="small" type="primary" id={`${id}-accept`} loading={accept.busy} onClick={accept.run}>
          同意授权
        </Button>
      </View>
    </View>
  );
}

/** Invitations others sent me (shown only when there are some). */
export function Invitations({
  items,
  onChanged,
}: {
  items: FamilyInvitation[];
  onChanged: () => void;
}): JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <>
      <Text className="sj-section-title">待我确认的授权</Text>
      <View className="sj-card family-invitations" id="family-invitations">
        {items.map((invitation) => (
          <Invitation key={invitation.invitationId} invitation={invitation} onChanged={onChanged} />
        ))}
      </View>
    </>
  );
}
