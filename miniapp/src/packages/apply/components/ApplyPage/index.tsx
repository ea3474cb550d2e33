import { useCallback, type ReactNode } from 'react';
import { PageShell } from '@/components/PageShell';
import { PersonalStates, type NotFound } from '@/components/PersonalStates';

export interface ApplyPageProps<T> {
  /** The page's id (`page-<id>`) and the prefix of its states' ids. */
  id: string;
  /** What the form of `code` needs, loaded once the citizen is signed in. */
  load: (code: string) => Promise<T>;
  code: string;
  /** This page's URL, to come back to after login or 实名认证. */
  here: string;
  /** Under 办理前请先完成实名认证. */
  unverifiedNote: string;
  notFound: NotFound;
  skeleton?: ReactNode;
  children: (loaded: T) => ReactNode;
}

/** An 在线办理 page: login and 实名认证 first, then its form. */
export function ApplyPage<T>(props: ApplyPageProps<T>): JSX.Element {
  const { id, load, code, here, unverifiedNote, notFound, skeleton, children } = props;
  const loader = useCallback(() => load(code), [load, code]);
  return (
    <PageShell id={`page-${id}`} className="apply-form-page">
      <PersonalStates
        id={id}
        load={loader}
        here={here}
        loginReason="登录并完成实名认证后即可在线办理。"
        unverified={{ title: '办理前请先完成实名认证', note: unverifiedNote }}
        notFound={notFound}
        skeleton={skeleton}
      >
        {children}
      </PersonalStates>
    </PageShell>
  );
}
