import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAuth } from '@/hooks/useAuth';
import { routeParam } from '@/utils/navigation';
import { VerifiedView } from './VerifiedView';
import { VerifyForm } from './VerifyForm';
import './index.scss';

/**
 * 实名认证 (L2: name + ID number against the register, once per account),
 * then 刷脸 / 网证 (L3) for records and certificates; 刷脸换绑 when the
 * identity is bound to another account. Back to `next` afterwards.
 */
export default function RealNamePage(): JSX.Element {
  const auth = useAuth();
  const next = routeParam(useRouter().params, 'next');

  return (
    <PageShell id="page-real-name">
      <View className="real-name-header">
        <Text className="real-name-header__title">实名认证</Text>
        <Text className="real-name-header__subtitle">办理业务前需核验您的真实身份，一个身份只能绑定一个账号</Text>
      </View>
      <View className="sj-card">
        {auth.status === 'anonymous' ? <LoginPrompt reason="登录后才能进行实名认证。" /> : null}
        {auth.status === 'loading' ? <Skeleton rows={3} animated /> : null}
        {auth.status === 'authenticated' && auth.user.realNameStatus === 'verified' ? (
          <VerifiedView user={auth.user} next={next} />
        ) : null}
        {auth.status === 'authenticated' && auth.user.realNameStatus !== 'verified' ? <VerifyForm next={next} /> : null}
      </View>
    </PageShell>
  );
}
