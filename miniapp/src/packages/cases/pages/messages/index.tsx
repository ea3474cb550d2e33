import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Message, MessageList } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { EmptyState } from '@/components/EmptyState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { listMessages, markMessageRead } from '@/services/messages';
import { formatDateTime } from '@/utils/format';
import { caseUrl, goTo } from '@/utils/navigation';
import './index.scss';

/** 消息中心: every change of my cases; opening one marks it read and shows the case. */
export default function MessagesPage(): JSX.Element {
  const auth = useAuth();
  const { state, reload, setData } = useAsync(listMessages);
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });

  const open = (message: Message): void => {
    if (!message.read) {
      setData((list): MessageList => ({
        items: list.items.map((m) => (m.id === message.id ? { ...m, read: true } : m)),
        unread: Math.max(0, list.unread - 1),
      }));
      void markMessageRead(message.id).catch(() => undefined);
    }
    if (message.caseNo) goTo(caseUrl(message.caseNo));
  };

  if (auth.status === 'anonymous') {
    return (
      <PageShell id="page-messages">
        <View className="sj-card">
          <LoginPrompt reason="登录后可查看办件进度通知。" />
        </View>
      </PageShell>
    );
  }
  return (
    <PageShell id="page-messages">
      <PageStates
        id="messages"
        state={state}
        onRetry={reload}
        loadingClassName="sj-card"
        skeleton={<Skeleton rows={5} animated />}
      >
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState id="messages-empty" title="暂无消息" note="办件有新进展时，会在这里通知您。" />
          ) : (
            <View id="messages-list">
              <Text className="sj-hint messages-count">{data.unread > 0 ? `${data.unread} 条未读` : '全部已读'}</Text>
              {data.items.map((message) => (
                <View
                  key={message.id}
                  id={`message-${message.id}`}
                  className={`message-card ${message.read ? '' : 'message-card--unread'}`}
                  role="link"
                  onClick={() => open(message)}
                  hoverClass="message-card--pressed"
                >
                  <View className="message-card__head">
                    {message.read ? null : <View className="message-card__dot" aria-label="未读" />}
                    <Text className="message-card__title">{message.title}</Text>
                  </View>
                  <Text className="message-card__body">{message.body}</Text>
                  <Text className="message-card__time">{formatDateTime(message.createdAt)}</Text>
                </View>
              ))}
            </View>
          )
        }
      </PageStates>
    </PageShell>
  );
}
