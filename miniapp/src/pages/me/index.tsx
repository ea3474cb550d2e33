import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAuth } from '@/hooks/useAuth';
import { restoreSession } from '@/stores/auth-actions';
import { ROUTES } from '@/utils/navigation';
import { AccountCard, AccountCardSkeleton } from './AccountCard';
import { AccountActions } from './AccountActions';
import { CareModeCell } from './CareModeCell';
import { MeHeader } from './MeHeader';
import { CaseCells } from './CaseCells';
import { LinkCell } from './LinkCell';
import { PrivacyCells } from './PrivacyCells';
import './index.scss';

/** 我的: account, real-name status and level, identity and data rights, cases and messages, favourites, 诉求, the hot board, the privacy guide, devices, care mode, logout. */
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

      <CaseCells loggedIn={auth.status === 'authenticated'} />
      {auth.status === 'authenticated' ? <PrivacyCells /> : null}

      <View className="me-cells">
        {/* Shown logged out too: 证照夹 explains that it needs a login. */}
        <LinkCell id="me-wallet" url={ROUTES.wallet} title="证照夹" note="电子证照、电子居住证，按需出示给他人核验" />
        {/* Shown logged out too: 我的家人 explains that it needs a login. */}
        <LinkCell
          id="me-family"
          url={ROUTES.family}
          title="我的家人"
          note="为子女和授权您的家人办事、预约，谁可以代我办理"
        />
        {/* Shown logged out too: the favourites page explains that it needs a login. */}
        {/* Shown logged out too: 我的缴费 explains that it needs a login. */}
        <LinkCell id="me-payments" url={ROUTES.payOrders} title="我的缴费" note="罚款和办证费用的缴费记录、电子票据" />
        <LinkCell id="me-favorites" url={ROUTES.favorites} title="我的收藏" note="收藏的办事事项，下次直接办" />
        {/* Shown logged out too: the address book explains that it needs a login. */}
        <LinkCell id="me-addresses" url={ROUTES.addresses} title="收件地址" note="邮寄办理结果时使用的地址" />
        {/* Shown logged out too: 诉求 explains that it needs a login; the hot board is public. */}
        <LinkCell
          id="me-complaints"
          url={ROUTES.complaints}
          title="我的诉求"
          note="投诉建议，12345 接答派办评全程可查"
        />
        <LinkCell id="me-hot-topics" url={ROUTES.hotTopics} title="民声热点榜" note="群众关注的热点问题和整改进展" />
        {/* Shown logged out too: the guide is read before consenting and logging in. */}
        <LinkCell
          id="me-privacy-notice"
          url={ROUTES.privacyNotice}
          title="隐私保护指引"
          note="收集哪些信息、为什么、保存多久、提供给谁"
        />
        <CareModeCell />
      </View>

      {auth.status === 'authenticated' ? <AccountActions /> : null}
    </PageShell>
  );
}
