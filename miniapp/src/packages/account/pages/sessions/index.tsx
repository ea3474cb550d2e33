import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Session } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { listSessions, revokeSession } from '@/services/sessions';
import { messageOf } from '@/services/api-error';
import { SessionItem } from '../../components/SessionItem';
import './index.scss';

/** The devices logged in to this account; any but this one can be logged out. */
export default function SessionsPage(): JSX.Element {
  const auth = useAuth();
  return (
    <PageShell id="page-sessions">
      {auth.status === 'anonymous' ? (
        <View className="sj-card">
          <LoginPrompt reason="登录后可查看和管理您的登录设备。" />
        </View>
      ) : (
        <SessionList />
      )}
    </PageShell>
  );
}

function SessionList(): JSX.Element {
  const { state, reload, setData } = useAsync(listSessions);
  const [target, setTarget] = useState<Session | null>(null);
  const [revoking, setRevoking] = useState(false);

  const revoke = async (session: Session): Promise<void> => {
    setRevoking(true);
    try {
      await revokeSession(session.id);
      setData((items) => items.filter((item) => item.id !== session.id));
      setTarget(null);
      void Taro.showToast({ title: '已退出该设备', icon: 'none' });
    } catch (error) {
      setTarget(null);
      void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    } finally {
      setRevoking(false);
    }
  };

  return (
    <PageStates
      id="sessions"
      state={state}
      onRetry={reload}
      loadingClassName="sessions-list"
      skeleton={[0, 1].map((n) => (
        <View className="sj-card" key={n}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    >
      {(data) => {
        // This device first, then the most recently used.
        const items = [...data].sort(
          (x, y) => Number(y.current) - Number(x.current) || y.lastSeenAt.localeCompare(x.lastSeenAt),
        );
        return (
          <View className="sessions-list" id="sessions-list">
            <Text className="sessions-list__intro sj-hint">如发现不认识的设备，请立即将其退出，并留意账号安全。</Text>
            {items.map((session, index) => (
              <SessionItem key={session.id} session={session} index={index} onRevoke={setTarget} />
            ))}
            {items.length <= 1 ? (
              <Text className="sessions-list__only sj-hint">目前只有本机登录了您的账号。</Text>
            ) : null}
            <ConfirmDialog
              id="revoke-dialog"
              visible={target !== null}
              title="退出该设备"
              message="确定让该设备退出登录吗？退出后该设备需要重新登录才能使用。"
              confirmText="退出该设备"
              danger
              busy={revoking}
              onConfirm={() => {
                if (target) void revoke(target);
              }}
              onCancel={() => setTarget(null)}
            />
          </View>
        );
      }}
    </PageStates>
  );
}
