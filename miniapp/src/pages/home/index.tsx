import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { CareModeEntry } from './CareModeEntry';
import { Greeting } from './Greeting';
import { useAuth } from '@/hooks/useAuth';
import { goTo, ROUTES } from '@/utils/navigation';
import './index.scss';

interface Entry {
  id: string;
  title: string;
  note: string;
  onTap: () => void;
}

/** 首页: who I am, where to start, and the care-mode switch. */
export default function HomePage(): JSX.Element {
  const auth = useAuth();
  const loggedIn = auth.status === 'authenticated';

  // Only features that exist today; the catalog arrives with its own issue.
  const entries: Entry[] = [
    loggedIn
      ? {
          id: 'entry-account',
          title: '我的账号',
          note: '账号与实名状态',
          onTap: () => void Taro.switchTab({ url: ROUTES.me }),
        }
      : { id: 'entry-login', title: '登录', note: '微信或短信登录', onTap: () => goTo(ROUTES.login) },
    {
      id: 'entry-sessions',
      title: '登录设备',
      note: '查看和退出设备',
      onTap: () => goTo(loggedIn ? ROUTES.sessions : ROUTES.login),
    },
    {
      id: 'entry-guide',
      title: '业务指南',
      note: '各警种业务范围',
      onTap: () => void Taro.switchTab({ url: ROUTES.services }),
    },
  ];

  return (
    <PageShell id="page-home">
      <View className="home-header">
        <Text className="home-header__title">穗警通</Text>
        <Text className="home-header__subtitle">警务服务 · 掌上办理</Text>
        {/* Search needs the service catalog (a later issue): shown, but disabled. */}
        <View className="home-search" id="home-search" aria-disabled="true" aria-label="事项搜索暂未开放">
          <View className="home-search__icon" aria-hidden />
          <Text className="home-search__placeholder">搜索办事事项，如：身份证</Text>
          <Text className="home-search__badge">暂未开放</Text>
        </View>
      </View>

      <Greeting />

      <Text className="sj-section-title">常用功能</Text>
      <View className="home-entries">
        {entries.map((entry) => (
          <View
            className="home-entry"
            id={entry.id}
            key={entry.id}
            onClick={entry.onTap}
            hoverClass="home-entry--pressed"
          >
            <Text className="home-entry__title">{entry.title}</Text>
            <Text className="home-entry__note">{entry.note}</Text>
          </View>
        ))}
        <CareModeEntry />
      </View>
    </PageShell>
  );
}
