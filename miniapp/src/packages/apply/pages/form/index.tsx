import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import type { Draft, IdentityStatus, ItemGuide, Licence } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { ErrorState } from '@/components/ErrorState';
import { EmptyState } from '@/components/EmptyState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { fetchItemGuide } from '@/services/catalog';
import { fetchDraft } from '@/services/drafts';
import { fetchIdentity } from '@/services/identity';
import { listLicences } from '@/services/licences';
import { ApiError } from '@/services/api-error';
import { formUrl, realNameUrl, routeParam } from '@/utils/navigation';
import { ApplyForm } from './ApplyForm';
import './index.scss';

export interface FormPageData {
  item: ItemGuide;
  draft: Draft | null;
  identity: IdentityStatus;
  licences: Licence[];
}

type Loaded = { kind: 'ready'; data: FormPageData } | { kind: 'not-found' } | { kind: 'unverified' };

async function load(code: string): Promise<Loaded> {
  if (code === '') return { kind: 'not-found' };
  let item: ItemGuide;
  try {
    item = (await fetchItemGuide(code)).item;
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'ITEM_NOT_FOUND' || error.code === 'VALIDATION_FAILED')) {
      return { kind: 'not-found' };
    }
    throw error;
  }
  const identity = await fetchIdentity();
  if (identity.realNameStatus !== 'verified') return { kind: 'unverified' };
  const [draft, licences] = await Promise.all([
    fetchDraft(code),
    // Optional: without the list the citizen uploads instead.
    listLicences().then(
      (answer) => answer.items,
      () => [],
    ),
  ]);
  return { kind: 'ready', data: { item, draft, identity, licences } };
}

function FormSkeleton(): JSX.Element {
  return (
    <View id="form-loading" aria-busy="true">
      {[0, 1, 2].map((n) => (
        <View className="sj-card" key={n}>
          <Skeleton rows={4} animated />
        </View>
      ))}
    </View>
  );
}

/** 在线办理: the item's form, drafted on the server as it is typed, with its materials. */
export default function FormPage(): JSX.Element {
  const auth = useAuth();
  const code = routeParam(useRouter().params, 'code');
  const loggedIn = auth.status === 'authenticated';
  const loader = useCallback(
    (): Promise<Loaded | null> => (loggedIn ? load(code) : Promise.resolve(null)),
    [code, loggedIn],
  );
  const { state, reload } = useAsync(loader);

  if (auth.status === 'anonymous') {
    return (
      <PageShell id="page-form">
        <View className="sj-card">
          <LoginPrompt reason="登录并完成实名认证后即可在线办理。" />
        </View>
      </PageShell>
    );
  }
  if (state.status === 'loading' || (state.status === 'success' && state.data === null)) {
    return (
      <PageShell id="page-form">
        <FormSkeleton />
      </PageShell>
    );
  }
  if (state.status === 'error') {
    return (
      <PageShell id="page-form">
        <View className="sj-card">
          <ErrorState id="form-error" message={state.message} onRetry={reload} />
        </View>
      </PageShell>
    );
  }
  const loaded = state.data;
  if (loaded === null || loaded.kind === 'not-found') {
    return (
      <PageShell id="page-form">
        <EmptyState id="form-not-found" title="未找到该事项" note="它可能已调整或下线，请返回重新搜索。" />
      </PageShell>
    );
  }
  if (loaded.kind === 'unverified') {
    return (
      <PageShell id="page-form">
        <EmptyState
          id="form-unverified"
          title="办理前请先完成实名认证"
          note="实名认证只需一次，之后办理所有事项都无需重复。"
        >
          <Button
            className="sj-block-button"
            type="primary"
            id="form-go-real-name"
            onClick={() => void Taro.redirectTo({ url: realNameUrl(formUrl(code)) })}
          >
            去实名认证
          </Button>
        </EmptyState>
      </PageShell>
    );
  }
  return (
    <PageShell id="page-form" className="apply-form-page">
      <ApplyForm data={loaded.data} />
    </PageShell>
  );
}
