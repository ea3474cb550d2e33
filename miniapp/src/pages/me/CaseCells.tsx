import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { listMessages } from '@/services/messages';
import { ROUTES } from '@/utils/navigation';
import { LinkCell } from './LinkCell';

const ME_TAB_INDEX = 2;

/** Shows the unread count on the 我的 tab; a failure leaves the badge as it was. */
function showTabBadge(unread: number): void {
  const done = (): void => undefined;
  if (unread > 0) {
    void Taro.setTabBarBadge({ index: ME_TAB_INDEX, text: unread > 99 ? '99+' : String(unread) }).catch(done);
  } else {
    void Taro.removeTabBarBadge({ index: ME_TAB_INDEX }).catch(done);
  }
}

/** 我的办件 and 消息中心 (with the unread count, refreshed whenever 我的 is shown). */
export function CaseCells({ loggedIn }: { loggedIn: boolean }): JSX.Element {
  const [unread, setUnread] = useState(0);
  useDidShow(() => {
    if (!loggedIn) {
      setUnread(0);
      showTabBadge(0);
      return;
    }
    listMessages().then(
      (list) => {
        setUnread(list.unread);
        showTabBadge(list.unread);
      },
      () => undefined,
    );
  });

  return (
    <View className="me-cells">
      <LinkCell id="me-cases" url={ROUTES.cases} title="我的办件" note="在线提交的申请和办理进度" />
      <LinkCell id="me-messages" url={ROUTES.messages} title="消息中心" note="办件每一步进展的通知">
        {unread > 0 ? (
          <Text className="me-cell__badge" id="me-messages-unread" aria-label={`${unread} 条未读`}>
            {unread > 99 ? '99+' : unread}
          </Text>
        ) : null}
      </LinkCell>
    </View>
  );
}
