import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Skeleton } from '@nutui/nutui-react-taro';
import type { Address } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { ApiError } from '@/services/api-error';
import { fetchAddress } from '@/services/addresses';
import { restoreSession } from '@/stores/auth-actions';
import { routeParam } from '@/utils/navigation';
import { AddressForm } from './AddressForm';
import './index.scss';

type Lookup = { found: true; address: Address } | { found: false };

async function load(id: string): Promise<Lookup> {
  try {
    return { found: true, address: await fetchAddress(id) };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'ADDRESS_NOT_FOUND' || error.code === 'VALIDATION_FAILED')) {
      return { found: false };
    }
    throw error;
  }
}

const SKELETON = (
  <View className="sj-card">
    <Skeleton rows={6} animated />
  </View>
);

/** An address of the book read in full (the mobile masked) to change it. */
function EditExisting({ id }: { id: string }): JSX.Element {
  const loader = useCallback(() => load(id), [id]);
  const { state, reload } = useAsync(loader);
  return (
    <PageStates
      id="address"
      state={state}
      onRetry={reload}
      skeleton={SKELETON}
      notFound={{
        found: (data) => data.found,
        title: '未找到该地址',
        note: '它可能已在其他设备上删除，请返回地址簿。',
      }}
    >
      {(data) => <AddressForm address={data.address} />}
    </PageStates>
  );
}

/** 新增/编辑收件地址 (`?id=` edits one). */
export default function AddressEditPage(): JSX.Element {
  const auth = useAuth();
  const id = routeParam(useRouter().params, 'id');
  return (
    <PageShell id="page-address-edit">
      {auth.status === 'loading' ? SKELETON : null}
      {auth.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="address-auth-error" message={auth.error} onRetry={() => void restoreSession()} />
        </View>
      ) : null}
      {auth.status === 'anonymous' ? (
        <View className="sj-card">
          <LoginPrompt reason="登录后可保存收件地址。" />
        </View>
      ) : null}
      {auth.status === 'authenticated' ? id ? <EditExisting id={id} /> : <AddressForm /> : null}
    </PageShell>
  );
}
