import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { authStore } from '@/stores/auth-store';
import { formUrl, goTo, realNameUrl, ROUTES } from '@/utils/navigation';

export interface ApplyStart {
  /** The "登录后办理" question is open. */
  askingLogin: boolean;
  start: () => void;
  confirmLogin: () => void;
  cancelLogin: () => void;
}

/**
 * 在线办理: login, then 实名认证 (once per account), then the item form
 * (or `target`, e.g. a 一件事 package form).
 * A tap while logged out is remembered: back from a successful login the
 * flow goes on without a second tap (back without one, it is forgotten).
 */
export function useApplyStart(code: string, target: string = formUrl(code)): ApplyStart {
  const [askingLogin, setAskingLogin] = useState(false);
  const wantsToApply = useRef(false);

  const proceed = useCallback(() => {
    const current = authStore.get();
    if (current.status !== 'authenticated') return;
    goTo(current.user.realNameStatus === 'verified' ? target : realNameUrl(target));
  }, [target]);

  // Back on the guide: go on once the login page has closed (navigating
  // while it is still closing confuses the H5 router's history).
  useDidShow(() => {
    if (!wantsToApply.current) return;
    wantsToApply.current = false;
    proceed();
  });

  const start = (): void => {
    if (authStore.get().status === 'authenticated') proceed();
    else setAskingLogin(true);
  };

  return {
    askingLogin,
    start,
    confirmLogin: () => {
      setAskingLogin(false);
      wantsToApply.current = true;
      goTo(ROUTES.login);
    },
    cancelLogin: () => setAskingLogin(false),
  };
}
