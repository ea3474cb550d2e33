import { useCallback, useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { authStore } from '@/stores/auth-store';
import { missingStep, stepUpUrl } from '@/utils/assurance';
import { formUrl, goTo, ROUTES } from '@/utils/navigation';

export interface ApplyStart {
  /** The "登录后办理" question is open. */
  askingLogin: boolean;
  start: () => void;
  confirmLogin: () => void;
  cancelLogin: () => void;
}

/**
 * 在线办理: login, then 实名认证 (once per account) and, when the item asks
 * for it, 本人认证 (刷脸 / 网证), then the item form (or `target`, e.g. a
 * 一件事 package form).
 * A tap while logged out is remembered: back from a successful login the
 * flow goes on without a second tap (back without one, it is forgotten).
 */
export function useApplyStart(code: string, target: string = formUrl(code), assurance: 'L2' | 'L3' = 'L2'): ApplyStart {
  const [askingLogin, setAskingLogin] = useState(false);
  const wantsToApply = useRef(false);

  const proceed = useCallback(() => {
    const current = authStore.get();
    if (current.status !== 'authenticated') return;
    const step = missingStep(current.user.assurance, assurance);
    if (!step) return goTo(target);
    // 实名 first; an item that needs 实人 then goes through the check before its form, whose
    // e-licences and filing need it, rather than failing on 提交.
    const afterRealName = assurance === 'L3' ? stepUpUrl({ level: 'L3' }, target) : target;
    goTo(step.level === 'L2' ? stepUpUrl(step, afterRealName) : stepUpUrl(step, target));
  }, [target, assurance]);

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
