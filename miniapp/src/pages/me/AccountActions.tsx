import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { performLogout } from '@/stores/auth-actions';
import { goTo, ROUTES } from '@/utils/navigation';

/** Device management entry and logout (logged-in users only). */
export function AccountActions(): JSX.Element {
  const [confirming, setConfirming] = useState(false);

  const onLogout = async (): Promise<void> => {
    setConfirming(false);
    await performLogout();
    void Taro.showToast({ title: '已退出登录', icon: 'none' });
  };

  return (
    <>
      <View className="me-cells">
        <View
          className="me-cell me-cell--link"
          id="sessions-entry"
          onClick={() => goTo(ROUTES.sessions)}
          hoverClass="me-cell--pressed"
        >
          <View className="me-cell__text">
            <Text className="me-cell__title">登录设备管理</Text>
            <Text className="me-cell__note">查看登录过的设备，退出不再使用的设备</Text>
          </View>
          <Text className="me-cell__arrow" aria-hidden>
            ›
          </Text>
        </View>
      </View>
      <View className="me-logout">
        <Button
          block
          className="sj-block-button"
          id="logout"
          fill="outline"
          type="danger"
          onClick={() => setConfirming(true)}
        >
          退出登录
        </Button>
      </View>
      <ConfirmDialog
        id="logout-dialog"
        visible={confirming}
        title="退出登录"
        message="退出后需要重新登录才能办理业务，确定退出吗？"
        confirmText="退出登录"
        danger
        onConfirm={() => void onLogout()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}
