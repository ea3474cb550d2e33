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

/** An answer as a page shows it: the data, or one of the two answers that are not failures. */
type Guarded<T> = { kind: 'ready'; data: T } | { kind: 'unverified' } | { kind: 'not-found' };

/**
 * 403 REAL_NAME_REQUIRED (ratings and complaints belong to a verified person)
 * and the page's not-found codes are answers to show, not errors to retry.
 */
async function guard<T>(load: () => Promise<T>, notFoundCodes: readonly ApiErrorCode[]): Promise<Guarded<T>> {
  try {
    return { kind: 'ready', data: await load() };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'REAL_NAME_REQUIRED') return { kind: 'unverified' };
    if (error instanceof ApiError && notFoundCodes.includes(error.code)) return { kind: 'not-found' };
    throw error;
  }
}

export interface FeedbackControls<T> {
  reload: () => void;
  /** Shows a newer answer (e.g. what a POST returned) without loading again. */
  replace: (data: T) => void;
}

interface FeedbackStatesProps<T> {
  /** Prefix of the element ids: `<id>-loading`, `<id>-error`, `<id>-unverified`, `<id>-not-found`. */
  id: string;
  load: () => Promise<T>;
  /** This page's URL, where 实名认证 comes back to. */
  here: string;
  /** Why logging in helps here. */
  loginReason: string;
  notFound?: { codes: readonly ApiErrorCode[]; title: string; note?: string; children?: ReactNode };
  skeleton?: ReactNode;
  children: (data: T, controls: FeedbackControls<T>) => ReactNode;
}

const DEFAULT_SKELETON = [0, 1].map((n) => (
  <View className="sj-card" key={n}>
    <Skeleton rows={4} animated />
  </View>
));

function Loaded<T>(props: FeedbackStatesProps<T>): JSX.Element {
  const { id, load, here, notFound, skeleton = DEFAULT_SKELETON, children } = props;
  const { state, reload, setData } = useAsync(() => guard(load, notFound?.codes ?? []));
  const replace = (data: T): void => setData(() => ({ kind: 'ready', data }));
  return (
    <PageStates id={id} state={state} onRetry={reload} skeleton={skeleton}>
      {(loaded) => {
        if (loaded.kind === 'unverified') {
          return (
            <EmptyState
              id={`${id}-unverified`}
              title="请先完成实名认证"
              note="评价和诉求需要核实您的身份，以便部门回访。实名认证只需一次，之后无需重复。"
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
        return children(loaded.data, { reload, replace });
      }}
    </PageStates>
  );
}

/**
 * The states of the personal feedback pages: login first, then a skeleton,
 * the error with 重试, 实名认证 when the BFF asks for it, the page's
 * not-found, and the page itself. Renders no PageShell.
 */
export function FeedbackStates<T>(props: FeedbackStatesProps<T>): JSX.Element {
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
