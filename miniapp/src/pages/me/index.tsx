import { View, Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAuth } from '@/hooks/useAuth';
import { restoreSession } from '@/stores/auth-actions';
import { goTo, ROUTES } from '@/utils/navigation';
import { AccountCard, AccountCardSkeleton } from './AccountCard';
import { AccountActions } from './AccountActions';
import { CareModeCell } from './CareModeCell';
import { MeHeader } from './MeHeader';
import { CaseCells } from './CaseCells';
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
        {/* Shown logged out too: the favourites page explains that it needs a login. */}
        <View
          className="me-cell me-cell--link"
          id="me-favorites"
          onClick={() => goTo(ROUTES.favorites)}
          hoverClass="me-cell--pressed"
        >
          <View className="me-cell__text">
            <Text className="me-cell__title">我的收藏</Text>
            <Text className="me-cell__note">收藏的办事事项，下次直接办</Text>
          </View>
          <Text className="me-cell__arrow" aria-hidden>
            ›
          </Text>
        </View>
        {/* Shown logged out too: 诉求 explains that it needs a login; the hot board is public. */}
        <View
          className="me-cell me-cell--link"
          id="me-complaints"
          onClick={() => goTo(ROUTES.complaints)}
          hoverClass="me-cell--pressed"
        >
          <View className="me-cell__text">
            <Text className="me-cell__title">我的诉求</Text>
            <Text className="me-cell__note">投诉建议，12345 接答派办评全程可查</Text>
          </View>
          <Text className="me-cell__arrow" aria-hidden>
            ›
          </Text>
        </View>
        <View
          className="me-cell me-cell--link"
          id="me-hot-topics"
          onClick={() => goTo(ROUTES.hotTopics)}
          hoverClass="me-cell--pressed"
        >
          <View className="me-cell__text">
            <Text className="me-cell__title">民声热点榜</Text>
            <Text className="me-cell__note">群众关注的热点问题和整改进展</Text>
          </View>
          <Text className="me-cell__arrow" aria-hidden>
            ›
          </Text>
        </View>
        {/* Shown logged out too: the guide is read before consenting and logging in. */}
        <View
          className="me-cell me-cell--link"
          id="me-privacy-notice"
          onClick={() => goTo(ROUTES.privacyNotice)}
          hoverClass="me-cell--pressed"
        >
          <View className="me-cell__text">
            <Text className="me-cell__title">隐私保护指引</Text>
            <Text className="me-cell__note">收集哪些信息、为什么、保存多久、提供给谁</Text>
          </View>
          <Text className="me-cell__arrow" aria-hidden>
            ›
          </Text>
        </View>
        <CareModeCell />
      </View>

      {auth.status === 'authenticated' ? <AccountActions /> : null}
    </PageShell>
  );
}
