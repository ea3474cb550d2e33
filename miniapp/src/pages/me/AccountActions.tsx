import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { performLogout } from '@/stores/auth-actions';
import { ROUTES } from '@/utils/navigation';
import { LinkCell } from './LinkCell';

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
        <LinkCell
          id="sessions-entry"
          url={ROUTES.sessions}
          title="登录设备管理"
          note="查看登录过的设备，退出不再使用的设备"
        />
      </View>
      <View className="me-logout">
        <ActionButton
          block
          className="sj-block-button"
          id="logout"
          look="danger-outline"
          onClick={() => setConfirming(true)}
        >
          退出登录
        </ActionButton>
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
