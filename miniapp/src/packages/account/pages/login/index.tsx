import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { User } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { LoginPrompt } from '@/components/LoginPrompt';
import { usePrivacy } from '@/hooks/usePrivacy';
import { completeLogin } from '@/stores/auth-actions';
import { leaveLogin } from '@/utils/navigation';
import { SessionNoticeCard } from '../../components/SessionNoticeCard';
import { SmsLoginForm } from '../../components/SmsLoginForm';
import { WechatLogin } from '../../components/WechatLogin';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/**
 * Login: WeChat one-tap inside WeChat (with phone and SMS code as the
 * alternative, e.g. for someone logging in on a relative's phone), SMS code in
 * the browser.
 */
export default function LoginPage(): JSX.Element {
  const { granted } = usePrivacy();
  const [useSms, setUseSms] = useState(!IS_WEAPP);

  const onLoggedIn = (user: User): void => {
    completeLogin(user);
    void Taro.showToast({ title: '登录成功', icon: 'success' });
    leaveLogin();
  };

  return (
    <PageShell id="page-login">
      <SessionNoticeCard />
      <View className="login-header">
        <Text className="login-header__title">登录穗警通</Text>
        <Text className="login-header__subtitle">{useSms ? '使用手机号和短信验证码登录' : '使用微信账号快速登录'}</Text>
      </View>
      <View className="sj-card">
        {!granted ? (
          <LoginPrompt reason="为保护您的个人信息，请先同意隐私保护指引。" />
        ) : useSms ? (
          <SmsLoginForm onLoggedIn={onLoggedIn} />
        ) : (
          <WechatLogin onLoggedIn={onLoggedIn} />
        )}
      </View>
      {IS_WEAPP && granted ? (
        <Text className="login-switch" id="login-switch" onClick={() => setUseSms(!useSms)}>
          {useSms ? '使用微信一键登录' : '使用手机号验证码登录'}
        </Text>
      ) : null}
    </PageShell>
  );
}
