import { useRef } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import type { AddressList, AddressSummary } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoginPrompt } from '@/components/LoginPrompt';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { useAuth } from '@/hooks/useAuth';
import { listAddresses } from '@/services/addresses';
import { restoreSession } from '@/stores/auth-actions';
import { goTo, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { AddressCard } from '../../components/AddressCard';
import { announcePicked } from '@/utils/address-picker';
import './index.scss';

const SKELETON = [0, 1].map((n) => (
  <View className="sj-card" key={n}>
    <Skeleton rows={2} animated />
  </View>
));

function Book({ picking }: { picking: boolean }): JSX.Element {
  const { state, reload } = useAsync(listAddresses);
  // Back from the edit page: show the book as it is now (not on the first show, which useAsync loads).
  const left = useRef(false);
  useDidHide(() => {
    left.current = true;
  });
  useDidShow(() => {
    if (!left.current) return;
    left.current = false;
    reload();
  });

  const pick = (address: AddressSummary): void => {
    announcePicked(address);
    void Taro.navigateBack();
  };
  const edit = (address: AddressSummary): void => goTo(withQuery(ROUTES.addressEdit, { id: address.id }));

  const addButton = (book: AddressList) => (
    <View className="addresses-add">
      <Button
        block
        className="sj-block-button"
        type="primary"
        id="addresses-add"
        disabled={book.items.length >= book.limit}
        onClick={() => goTo(ROUTES.addressEdit)}
      >
        新增收件地址
      </Button>
      {book.items.length > 0 ? (
        <Text className="sj-hint addresses-add__note">
          {book.items.length >= book.limit
            ? `最多保存 ${book.limit} 个地址，请先删除不用的地址`
            : `已保存 ${book.items.length} 个，最多 ${book.limit} 个`}
        </Text>
      ) : null}
    </View>
  );

  return (
    <PageStates id="addresses" state={state} onRetry={reload} skeleton={SKELETON}>
      {(book) =>
        book.items.length === 0 ? (
          <EmptyState id="addresses-empty" title="还没有收件地址" note="保存常用地址，申请邮寄办理结果时直接选择">
            {addButton(book)}
          </EmptyState>
        ) : (
          <View id="addresses-list">
            {picking ? <Text className="sj-hint addresses-pick-note">请选择办理结果的收件地址</Text> : null}
            {book.items.map((address) => (
              <AddressCard key={address.id} address={address} picking={picking} onPick={pick} onEdit={edit} />
            ))}
            {addButton(book)}
          </View>
        )
      }
    </PageStates>
  );
}

/** 收件地址: my postal addresses, masked; `?pick=1` when the apply form opened it to choose one. */
export default function AddressesPage(): JSX.Element {
  const auth = useAuth();
  const picking = routeParam(useRouter().params, 'pick') === '1';
  return (
    <PageShell id="page-addresses">
      {auth.status === 'loading' ? (
        <View id="addresses-auth-loading" aria-busy="true">
          {SKELETON}
        </View>
      ) : null}
      {auth.status === 'error' ? (
        <View className="sj-card">
          <ErrorState id="addresses-auth-error" message={auth.error} onRetry={() => void restoreSession()} />
        </View>
      ) : null}
      {auth.status === 'anonymous' ? (
        <View className="sj-card">
          <LoginPrompt reason="登录后可保存收件地址，申请邮寄办理结果时直接选择。" />
        </View>
      ) : null}
      {auth.status === 'authenticated' ? <Book picking={picking} /> : null}
    </PageShell>
  );
}
