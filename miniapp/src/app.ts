import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initCareMode } from '@/stores/care-mode';
import { initPrivacy } from '@/stores/privacy';
import { restoreSession, wireApiClient } from '@/stores/auth-actions';
import './app.scss';

// Before the first page renders, so it already has the right size and no
// flash of small text for a user who switched care mode on.
initCareMode();
wireApiClient();
initPrivacy();

function App({ children }: PropsWithChildren): React.ReactNode {
  useLaunch(() => {
    void restoreSession();
  });
  // On weapp the app component renders no UI of its own: pages are children.
  return children;
}

export default App;
