import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { ApiError, type ApiErrorCode } from '@/services/api-error';
import { restoreSession } from '@/stores/auth-actions';
import { realNameUrl } from '@/utils/navigation';

/** A traffic answer as a page shows it: the data, or one of the two answers that are not failures. */
export type TrafficLoaded<T> = { kind: 'ready'; data: T } | { kind: 'unverified' } | { kind: 'not-found' };

/**
 * Runs a traffic load. 403 REAL_NAME_REQUIRED (the data belongs to a verified
 * person) and the page's own not-found codes are answers to show, not errors
 * to retry; everything else stays an error.
 */
export async function loadTraffic<T>(
  load: () => Promise<T>,
  notFoundCodes: readonly ApiErrorCode[] = [],
): Promise<TrafficLoaded<T>> {
  try {
    return { kind: 'ready', data: await load() };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'REAL_NAME_REQUIRED') return { kind: 'unverified' };
    if (error instanceof ApiError && notFoundCodes.includes(error.code)) return { kind: 'not-found' };
    throw error;
  }
}

export interface TrafficNotFound {
  codes: readonly ApiErrorCode[];
  title: string;
  note?: string;
  children?: ReactNode;
}

interface TrafficStatesProps<T> {
  /** Prefix of the element ids: `<id>-loading`, `<id>-error`, `<id>-unverified`, `<id>-not-found`. */
  id: string;
  load: () => Promise<T>;
  /** This page's URL, where 实名认证 comes back to. */
  here: string;
  /** Why logging in helps here. */
  loginReason: string;
  notFound?: TrafficNotFound;
  skeleton?: ReactNode;
  children: (data: T, reload: () => void) => ReactNode;
}

const DEFAULT_SKELETON = [0, 1].map((n) => (
  <View className="sj-card" key={n}>
    <Skeleton rows={4} animated />
  </View>
));

function Loaded<T>(props: TrafficStatesProps<T>): JSX.Element {
  const { id, load, here, notFound, skeleton = DEFAULT_SKELETON, children } = props;
  const { state, reload } = useAsync(() => loadTraffic(load, notFound?.codes));
  return (
    <PageStates id={id} state={state} onRetry={reload} skeleton={skeleton}>
      {(loaded) => {
        if (loaded.kind === 'unverified') {
          return (
            <EmptyState
              id={`${id}-unverified`}
              title="查询前请先完成实名认证"
              note="车辆和驾驶证信息只向本人展示。实名认证只需一次，之后无需重复。"
            >
              <Button
                className="sj-block-button"
                type="primary"
                id={`${id}-go-real-name`}
                onClick={() => void Taro.redirectTo({ url: realNameUrl(here) })}
              >
                去实名认证
              </Button>
            </EmptyState>
          );
        }
        if (loaded.kind === 'not-found') {
          return (
            <EmptyState id={`${id}-not-found`} title={notFound?.title ?? '未查询到相关信息'} note={notFound?.note}>
              {notFound?.children}
            </EmptyState>
          );
        }
        return children(loaded.data, reload);
      }}
    </PageStates>
  );
}

/**
 * The states of every 车驾管 page: login first (the data is personal), then
 * a skeleton, the error with a retry, 实名认证 when the BFF asks for it, the
 * page's friendly not-found, and the page itself. Renders no PageShell.
 */
export function TrafficStates<T>(props: TrafficStatesProps<T>): JSX.Element {
  const auth = useAuth();
  const { id, loginReason, skeleton = DEFAULT_SKELETON } = props;
  if (auth.status === 'loading') {
    return (
      <View id={`${id}-loading`} aria-busy="true">
        {skeleton}
      </View>
    );
  }
  if (auth.status === 'error') {
    return (
      <View className="sj-card">
        <ErrorState id={`${id}-auth-error`} message={auth.error} onRetry={() => void restoreSession()} />
      </View>
    );
  }
  if (auth.status === 'anonymous') {
    return (
      <View className="sj-card">
        <LoginPrompt reason={loginReason} />
      </View>
    );
  }
  return <Loaded {...props} />;
}
