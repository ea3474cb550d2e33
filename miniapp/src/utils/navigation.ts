import Taro from '@tarojs/taro';

/** Page paths in one place, so a moved page is one edit. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  me: '/pages/me/index',
  login: '/packages/account/pages/login/index',
  sessions: '/packages/account/pages/sessions/index',
} as const;

function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1];
  return top?.route ? `/${top.route.replace(/^\//, '')}` : '';
}

/** Opens the login page unless it is already on top (several calls may fail at once). */
export function goToLogin(): void {
  if (currentRoute().startsWith(ROUTES.login)) return;
  void Taro.navigateTo({ url: ROUTES.login });
}

export function goTo(url: string): void {
  void Taro.navigateTo({ url });
}

/** Back to the page that sent the user to login, or to 我的 when login was the first page. */
export function leaveLogin(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
    return;
  }
  void Taro.switchTab({ url: ROUTES.me });
}
