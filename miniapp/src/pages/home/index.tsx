import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { CareModeEntry } from './CareModeEntry';
import { Greeting } from './Greeting';
import { CatalogSections } from './CatalogSections';
import { useAuth } from '@/hooks/useAuth';
import { catalogFilterStore } from '@/stores/catalog-filter';
import { goTo, ROUTES } from '@/utils/navigation';
import { removeServedFirstScreen } from '@/utils/first-screen';
import './index.scss';

interface Entry {
  id: string;
  title: string;
  note: string;
  onTap: () => void;
}

/** 首页: search, who I am, where to start (hot items, police types, life events) and the care-mode switch. */
export default function HomePage(): JSX.Element {
  const auth = useAuth();
  const loggedIn = auth.status === 'authenticated';
  // Drawn now (with the served hot items): the static first screen over it can go.
  useEffect(removeServedFirstScreen, []);

  // H5's index.html draws these tiles before the JavaScript arrives (#sj-shell): change both together.
  const entries: Entry[] = [
    { id: 'entry-packages', title: '一件事', note: '多个事项一次办', onTap: () => goTo(ROUTES.packages) },
    { id: 'entry-favorites', title: '我的收藏', note: '常办事项快速找', onTap: () => goTo(ROUTES.favorites) },
    { id: 'entry-cases', title: '我的办件', note: '申请进度随时看', onTap: () => goTo(ROUTES.cases) },
    // Account-bound like 我的收藏: the pages themselves ask a logged-out user to log in.
    { id: 'entry-vehicles', title: '我的车辆', note: '检验、抵押、违法', onTap: () => goTo(ROUTES.vehicles) },
    { id: 'entry-licence', title: '我的驾驶证', note: '记分与电子驾驶证', onTap: () => goTo(ROUTES.drivingLicence) },
    { id: 'entry-lookup', title: '进度查询', note: '凭办件编号查', onTap: () => goTo(ROUTES.lookup) },
    // 线下办事, one row of three: public pages (booking asks for login only at its last step).
    { id: 'entry-book', title: '预约办事', note: '选厅选时段', onTap: () => goTo(ROUTES.hallBook) },
    { id: 'entry-halls', title: '办事大厅', note: '附近大厅与排队', onTap: () => goTo(ROUTES.halls) },
    { id: 'entry-stations', title: '自助服务', note: '24 小时自助点', onTap: () => goTo(ROUTES.stations) },
    {
      id: 'entry-services',
      title: '全部事项',
      note: '按警种浏览',
      onTap: () => {
        catalogFilterStore.set({ policeType: null, lifeEvent: null });
        void Taro.switchTab({ url: ROUTES.services });
      },
    },
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
  ];

  return (
    <PageShell id="page-home">
      <View className="home-header">
        <Text className="home-header__title">穗警通</Text>
        <Text className="home-header__subtitle">警务服务 · 掌上办理</Text>
        {/* Looks like a search box, opens the search page (typing happens there, with its results). */}
        <View
          className="home-search"
          id="home-search"
          role="search"
          aria-label="搜索办事事项"
          onClick={() => goTo(ROUTES.search)}
          hoverClass="home-search--pressed"
        >
          <View className="home-search__icon" aria-hidden />
          <Text className="home-search__placeholder">搜索办事事项，如：身份证</Text>
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

      <CatalogSections />
    </PageShell>
  );
}
