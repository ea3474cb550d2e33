import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { User } from '@suijing/shared';
import { loginWithWechat } from '@/services/auth';
import { messageOf } from '@/services/api-error';
import './index.scss';

/** 微信一键登录: wx.login -> code -> BFF. No profile or phone is requested. */
export function WechatLogin({ onLoggedIn }: { onLoggedIn: (user: User) => void }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const login = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await loginWithWechat());
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="wechat-login">
      <Button
        block
        className="sj-block-button wechat-login__button"
        type="primary"
        id="wechat-login"
        loading={busy}
        onClick={() => void login()}
      >
        微信一键登录
      </Button>
      {error ? (
        <Text className="wechat-login__error" id="login-error">
          {error}
        </Text>
      ) : null}
      <Text className="sj-hint">登录仅获取微信登录标识，不会获取您的头像、昵称和手机号。</Text>
    </View>
  );
}
