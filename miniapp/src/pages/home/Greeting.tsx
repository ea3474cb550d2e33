import { View, Text } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAuth } from '@/hooks/useAuth';
import { restoreSession } from '@/stores/auth-actions';
import { greeting, REAL_NAME_LABEL } from '@/utils/format';

/** The greeting card: reflects the login state, including loading and failure. */
export function Greeting(): JSX.Element {
  const auth = useAuth();
  return (
    <View className="sj-card home-greeting" id="home-greeting">
      {auth.status === 'loading' ? <Skeleton rows={2} animated /> : null}
      {auth.status === 'error' ? (
        <ErrorState id="home-greeting-error" message={auth.error} onRetry={() => void restoreSession()} />
      ) : null}
      {auth.status === 'anonymous' ? (
        <>
          <Text className="home-greeting__hello">{greeting()}，欢迎使用穗警通</Text>
          <LoginPrompt reason="登录后可管理您的账号和登录设备。" />
        </>
      ) : null}
      {auth.status === 'authenticated' ? (
        <>
          <Text className="home-greeting__hello">
            {greeting()}，{auth.user.phoneMasked ?? '穗警通用户'}
          </Text>
          <View className="home-greeting__status">
            <Text
              className={`sj-badge ${auth.user.realNameStatus === 'verified' ? 'sj-badge--success' : 'sj-badge--warning'}`}
            >
              {REAL_NAME_LABEL[auth.user.realNameStatus]}
            </Text>
          </View>
        </>
      ) : null}
    </View>
  );
}
