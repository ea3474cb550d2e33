import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { useAuth } from '@/hooks/useAuth';
import { authStore } from '@/stores/auth-store';
import { messageOf } from '@/services/api-error';
import { addFavorite, fetchFavorite, removeFavorite } from '@/services/favorites';
import { goTo, ROUTES } from '@/utils/navigation';

export interface FavoriteControl {
  /** null until known (logged out, or the state is still loading). */
  favorite: boolean | null;
  busy: boolean;
  /** The "登录后收藏" question is open. */
  askingLogin: boolean;
  toggle: () => void;
  confirmLogin: () => void;
  cancelLogin: () => void;
}

/**
 * The favourite star of one item. Logged out, a tap asks to log in and is
 * remembered: back from the login page, the item gets starred without a
 * second tap. Not optimistic: the star changes when the BFF has agreed,
 * so a refusal (收藏已达上限) never shows a star that is not there.
 */
export function useFavorite(code: string): FavoriteControl {
  const auth = useAuth();
  const [favorite, setFavorite] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [askingLogin, setAskingLogin] = useState(false);
  const wantsFavorite = useRef(false);
  const loggedIn = auth.status === 'authenticated';

  const change = useCallback(
    async (next: boolean): Promise<void> => {
      setBusy(true);
      try {
        const answer = next ? await addFavorite(code) : await removeFavorite(code);
        setFavorite(answer.favorite);
        void Taro.showToast({ title: answer.favorite ? '已收藏' : '已取消收藏', icon: 'none' });
      } catch (error) {
        void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
      } finally {
        setBusy(false);
      }
    },
    [code],
  );

  useEffect(() => {
    if (!loggedIn || code === '') {
      setFavorite(null);
      return undefined;
    }
    if (wantsFavorite.current) {
      wantsFavorite.current = false;
      void change(true);
      return undefined;
    }
    let current = true;
    fetchFavorite(code).then(
      (answer) => {
        if (current) setFavorite(answer.favorite);
      },
      () => {
        // Unknown state: the star shows unstarred and a tap will try again.
        if (current) setFavorite(false);
      },
    );
    return () => {
      current = false;
    };
  }, [loggedIn, code, change]);

  // Back on this page still logged out (the login page was left without
  // logging in): forget the wish, so a later login elsewhere does not star it.
  useDidShow(() => {
    if (authStore.get().status !== 'authenticated') wantsFavorite.current = false;
  });

  const toggle = useCallback(() => {
    if (busy) return;
    if (auth.status === 'loading') return; // the session is being restored; the star follows in a moment
    if (!loggedIn) {
      setAskingLogin(true);
      return;
    }
    void change(!favorite);
  }, [auth.status, busy, change, favorite, loggedIn]);

  const confirmLogin = useCallback(() => {
    setAskingLogin(false);
    wantsFavorite.current = true;
    goTo(ROUTES.login);
  }, []);

  const cancelLogin = useCallback(() => {
    setAskingLogin(false);
    wantsFavorite.current = false;
  }, []);

  return { favorite, busy, askingLogin, toggle, confirmLogin, cancelLogin };
}
