import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Session } from '@suijing/shared';
import { deviceText, formatDateTime, LOGIN_METHOD_LABEL } from '@/utils/format';
import './index.scss';

interface SessionItemProps {
  session: Session;
  /** Position in the list, for the E2E id `session-item-<index>`. */
  index: number;
  onRevoke: (session: Session) => void;
}

export function SessionItem({ session, index, onRevoke }: SessionItemProps): JSX.Element {
  return (
    <View className="sj-card session-item" id={`session-item-${index}`}>
      <View className="session-item__head">
        <Text className="session-item__name">{deviceText(session.client)}</Text>
        {session.current ? (
          <Text className="sj-badge sj-badge--primary" id="session-current">
            本机
          </Text>
        ) : null}
      </View>
      <View className="session-item__row">
        <Text className="session-item__label">登录方式</Text>
        <Text className="session-item__value">{LOGIN_METHOD_LABEL[session.loginMethod]}登录</Text>
      </View>
      <View className="session-item__row">
        <Text className="session-item__label">登录时间</Text>
        <Text className="session-item__value">{formatDateTime(session.createdAt)}</Text>
      </View>
      <View className="session-item__row">
        <Text className="session-item__label">最近使用</Text>
        <Text className="session-item__value">{formatDateTime(session.lastSeenAt)}</Text>
      </View>
      {session.current ? null : (
        <Button
          className="session-item__revoke"
          id={`revoke-${session.id}`}
          fill="outline"
          type="danger"
          onClick={() => onRevoke(session)}
        >
          退出该设备
        </Button>
      )}
    </View>
  );
}
