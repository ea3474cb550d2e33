import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCareMode } from '@/stores/care-mode';
import { initPrivacy } from '@/stores/privacy';
import { restoreSession, wireApiClient } from '@/stores/auth-actions';
import { ROUTES } from '@/utils/navigation';
import { prefetchHomeCatalog } from './pages/home/home-catalog';
import './app.scss';

// Before the first page renders, so it already has the right size and no
// flash of small text for a user who switched care mode on.
initCareMode();
wireApiClient();
initPrivacy();

/** H5 opened on 首页: `/`, `/#/` or its own hash route (the hash router ignores the path). */
function openedOnHomeH5(): boolean {
  const route = window.location.hash.replace(/^#/, '').split('?')[0];
  return route === '' || route === '/' || route === ROUTES.home;
}

// A page's requests go out from its first render, which on H5 comes only after
// all of the app's JavaScript has run: 首页's catalog requests go out now and
// load meanwhile. (weapp starts the page right after the app: little to gain.)
if (process.env.TARO_ENV === 'h5' && openedOnHomeH5()) prefetchHomeCatalog();

function App({ children }: PropsWithChildren): React.ReactNode {
  useLaunch(() => {
    void restoreSession();
  });
  // On weapp the app component renders no UI of its own: pages are children.
  return children;
}

export default App;
