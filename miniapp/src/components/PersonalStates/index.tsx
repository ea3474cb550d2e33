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
import { stepUpAction, stepUpNote, stepUpOf, stepUpTitle, stepUpUrl, type StepUp } from '@/utils/assurance';

/** An answer as a page shows it: the data, or one of the answers that are not failures. */
export type Loaded<T> =
  { kind: 'ready'; data: T } | { kind: 'unverified' } | { kind: 'in-person'; step: StepUp } | { kind: 'not-found' };

/**
 * Runs a load of personal data. "Take a step first" (403 ASSURANCE_REQUIRED
 * or REAL_NAME_REQUIRED: 实名, or 本人认证) and the page's own not-found codes
 * are answers to show, not errors to retry; everything else stays an error.
 */
export async function loadAnswer<T>(
  load: () => Promise<T>,
  notFoundCodes: readonly ApiErrorCode[] = [],
): Promise<Loaded<T>> {
  try {
    return { kind: 'ready', data: await load() };
  } catch (error) {
    const step = stepUpOf(error);
    if (step?.level === 'L2') return { kind: 'unverified' };
    if (step?.level === 'L3') return { kind: 'in-person', step };
    if (error instanceof ApiError && notFoundCodes.includes(error.code)) return { kind: 'not-found' };
    throw error;
  }
}

/** For pages that learn the real-name status from GET /identity: the same answer as the BFF's 403. */
export function realNameRequired(): ApiError {
  return new ApiError({ status: 403, code: 'REAL_NAME_REQUIRED', message: '办理前请先完成实名认证' });
}

export interface NotFound {
  codes: readonly ApiErrorCode[];
  title: string;
  note?: string;
  children?: ReactNode;
}

/** What the 实名认证 prompt says in this feature area (why the data needs a verified person). */
export interface UnverifiedWording {
  title: string;
  note: string;
}

export interface AnswerStatesProps<T> {
  /** Prefix of the element ids: `<id>-loading`, `<id>-error`, `<id>-unverified`, `<id>-not-found`. */
  id: string;
  load: () => Promise<T>;
  unverified: UnverifiedWording;
  /** This page's URL, where 实名认证 comes back to. */
  here: string;
  notFound?: NotFound;
  skeleton?: ReactNode;
  children: (data: T, reload: () => void, replace: (data: T) => void) => ReactNode;
}

const DEFAULT_SKELETON = [0, 1].map((n) => (
  <View className="sj-card" key={n}>
    <Skeleton rows={4} animated />
  </View>
));

/**
 * "Take this step first", with the way there and back to `here`. Ids:
 * `<id>-unverified` / `<id>-go-real-name` for 实名, `<id>-in-person` /
 * `<id>-go-in-person` for 本人认证.
 */
export function StepUpPrompt(props: {
  id: string;
  step: StepUp;
  here: string;
  /** For 实名: why this feature area needs it. */
  wording?: UnverifiedWording;
}): JSX.Element {
  const { id, step, here, wording } = props;
  const realName = step.level !== 'L3';
  return (
    <EmptyState
      id={realName ? `${id}-unverified` : `${id}-in-person`}
      title={realName && wording ? wording.title : stepUpTitle(step)}
      note={realName && wording ? wording.note : stepUpNote(step)}
    >
      <Button
        className="sj-block-button"
        type="primary"
        id={realName ? `${id}-go-real-name` : `${id}-go-in-person`}
        onClick={() => void Taro.redirectTo({ url: stepUpUrl(step, here) })}
      >
        {stepUpAction(step)}
      </Button>
    </EmptyState>
  );
}

/** A page's load with its states: skeleton, error with 重试, 实名认证, not found, the data. */
export function AnswerStates<T>(props: AnswerStatesProps<T>): JSX.Element {
  const { id, load, here, unverified, notFound, skeleton = DEFAULT_SKELETON, children } = props;
  const { state, reload, setData } = useAsync(() => loadAnswer(load, notFound?.codes));
  const replace = (data: T): void => setData(() => ({ kind: 'ready', data }));
  return (
    <PageStates id={id} state={state} onRetry={reload} skeleton={skeleton}>
      {(loaded) => {
        if (loaded.kind === 'unverified') {
          return <StepUpPrompt id={id} step={{ level: 'L2' }} here={here} wording={unverified} />;
        }
        if (loaded.kind === 'in-person') return <StepUpPrompt id={id} step={loaded.step} here={here} />;
        if (loaded.kind === 'not-found') {
          return (
            <EmptyState id={`${id}-not-found`} title={notFound?.title ?? '未查询到相关信息'} note={notFound?.note}>
              {notFound?.children}
            </EmptyState>
          );
        }
        return children(loaded.data, reload, replace);
      }}
    </PageStates>
  );
}

/** Login first: the skeleton while the session restores, its error with 重试, the login prompt. */
export function LoginGate({
  id,
  loginReason,
  skeleton = DEFAULT_SKELETON,
  children,
}: {
  id: string;
  /** Why logging in helps here. */
  loginReason: string;
  skeleton?: ReactNode;
  children: ReactNode;
}): JSX.Element {
  const auth = useAuth();
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
  return <>{children}</>;
}

/**
 * The states of a personal page: login first, then a skeleton, the error
 * with 重试, 实名认证 or 本人认证 (刷脸 / 网证) when the BFF asks for it, the
 * page's not-found, and the page itself. Renders no PageShell.
 */
export function PersonalStates<T>(props: AnswerStatesProps<T> & { loginReason: string }): JSX.Element {
  const { loginReason, ...rest } = props;
  return (
    <LoginGate id={props.id} loginReason={loginReason} skeleton={props.skeleton}>
      <AnswerStates {...rest} />
    </LoginGate>
  );
}
