import { View, Text } from '@tarojs/components';
import { useStore } from '@/hooks/useStore';
import { sessionNoticeStore } from '@/stores/session-notice';
import './index.scss';

/**
 * Why this device was logged out (the identity moved to another account by
 * 刷脸换绑, an unbinding, a closed account, a removed device), above the
 * login form until the next login.
 */
export function SessionNoticeCard(): JSX.Element | null {
  const notice = useStore(sessionNoticeStore);
  if (!notice) return null;
  const alarming = notice.code === 'IDENTITY_MOVED' || notice.code === 'REFRESH_REUSED';
  return (
    <View
      className={`session-notice ${alarming ? 'session-notice--alarm' : ''}`}
      id="login-notice"
      data-code={notice.code}
      role="alert"
    >
      <Text className="session-notice__title" id="login-notice-title">
        {notice.title}
      </Text>
      <Text className="session-notice__message" id="login-notice-message">
        {notice.message}
      </Text>
    </View>
  );
}
