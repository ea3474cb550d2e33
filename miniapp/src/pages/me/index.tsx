import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAuth } from '@/hooks/useAuth';
import { restoreSession } from '@/stores/auth-actions';
import { AccountCard, AccountCardSkeleton } from './AccountCard';
import { AccountActions } from './AccountActions';
import { CareModeCell } from './CareModeCell';
import { MeHeader } from './MeHeader';
import './index.scss';

/** 我的: account, devices, care mode, logout. */
export default function MePage(): JSX.Element {
  const auth = useAuth();
  return (
    <PageShell id="page-me">
      <MeHeader auth={auth} />
      <View className="sj-card me-account">
        {auth.status === 'loading' ? <AccountCardSkeleton /> : null}
        {auth.status === 'error' ? (
          <ErrorState id="me-error" message={auth.error} onRetry={() => void restoreSession()} />
        ) : null}
        {auth.status === 'anonymous' ? <LoginPrompt reason="登录后可查看您的账号信息、实名状态和登录设备。" /> : null}
        {auth.status === 'authenticated' ? <AccountCard user={auth.user} /> : null}
      </View>

      <View className="me-cells">
        <CareModeCell />
      </View>

      {auth.status === 'authenticated' ? <AccountActions /> : null}
    </PageShell>
  );
}
