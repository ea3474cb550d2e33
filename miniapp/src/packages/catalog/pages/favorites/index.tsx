import { useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import type { FavoriteItem } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import { PageStates } from '@/components/PageStates';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { messageOf } from '@/services/api-error';
import { listFavorites, removeFavorite } from '@/services/favorites';
import { restoreSession } from '@/stores/auth-actions';
import { catalogFilterStore } from '@/stores/catalog-filter';
import { ROUTES } from '@/utils/navigation';
import { FavoriteCard } from './FavoriteCard';
import './index.scss';

async function loadFavorites(): Promise<FavoriteItem[]> {
  return (await listFavorites()).favorites;
}

const SKELETON_CARDS = [0, 1].map((n) => (
  <View className="sj-card" key={n}>
    <Skeleton rows={3} animated />
  </View>
));

function Skeletons(): JSX.Element {
  return (
    <View id="favorites-loading" aria-busy="true">
      {SKELETON_CARDS}
    </View>
  );
}

function browseCatalog(): void {
  catalogFilterStore.set({ policeType: null, lifeEvent: null });
  void Taro.switchTab({ url: ROUTES.services });
}

function FavoriteList(): JSX.Element {
  const { state, reload, setData } = useAsync(loadFavorites);
  const [removing, setRemoving] = useState<string | null>(null);
  // Back from a guide where the star may have changed: show the list as it is now
  // (only after the page was left, not on its first show, which useAsync already loads).
  const left = useRef(false);
  useDidHide(() => {
    left.current = true;
  });
  useDidShow(() => {
    if (!left.current) return;
    left.current = false;
    reload();
  });

  const remove = async (favorite: FavoriteItem): Promise<void> => {
    setRemoving(favorite.code);
    try {
      await removeFavorite(favorite.code);
      setData((items) => items.filter((item) => item.code !== favorite.code));
      void Taro.showToast({ title: '已取消收藏', icon: 'none' });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    } finally {
      setRemoving(null);
    }
  };

  return (
    <PageStates id="favorites" state={state} onRetry={reload} skeleton={SKELETON_CARDS}>
      {(favorites) =>
        favorites.length === 0 ? (
          <EmptyState
            id="favorites-empty"
            title="还没有收藏事项"
            note="在办事指南页点击「收藏」，常办的事项就会出现在这里"
          >
            <Button
              className="sj-block-button favorites-browse"
              type="primary"
              id="favorites-browse"
              onClick={browseCatalog}
            >
              去看看全部事项
            </Button>
          </EmptyState>
        ) : (
          <View id="favorites-list">
            {favorites.map((favorite) => (
              <FavoriteCard
                key={favorite.code}
                favorite={favorite}
                removing={removing === favorite.code}
                onRemove={(f) => void remove(f)}
              />
            ))}
          </View>
        )
      }
    </PageStates>
  );
}

/** 我的收藏: needs a login, since favourites belong to the account (they follow it to other devices). */
export default function FavoritesPage(): JSX.Element {
  const auth = useAuth();
  return (
    <PageShell id="page-favorites">
      {auth.status === 'loading' ? <Skeletons /> : null}
      {auth.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="favorites-auth-error" message={auth.error} onRetry={() => void restoreSession()} />
        </View>
      ) : null}
      {auth.status === 'anonymous' ? (
        <View className="sj-card">
          <LoginPrompt reason="登录后可查看您收藏的事项，换一台设备登录也能看到。" />
        </View>
      ) : null}
      {auth.status === 'authenticated' ? <FavoriteList /> : null}
    </PageShell>
  );
}
