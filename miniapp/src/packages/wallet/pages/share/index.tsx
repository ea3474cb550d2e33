import { useCallback, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { WalletItem, WalletShareCreated } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { fetchWalletItem } from '@/services/wallet';
import { ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { WalletStates } from '../../components/WalletStates';
import { ShareForm } from './ShareForm';
import { ShareResult } from './ShareResult';
import './index.scss';

function Share({ item }: { item: WalletItem }): JSX.Element {
  const [share, setShare] = useState<WalletShareCreated | null>(null);
  return share ? <ShareResult share={share} /> : <ShareForm item={item} onShared={setShare} />;
}

/** 出示证照: choose what the verifier may see, for how long and why; then the QR and link to give them. */
export default function SharePage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchWalletItem(id), [id]);
  return (
    <PageShell id="page-wallet-share">
      <WalletStates
        id="share"
        load={load}
        here={withQuery(ROUTES.walletShare, { id })}
        loginReason="登录后可出示您名下的电子证照。"
        notFound={{
          codes: ['WALLET_ITEM_NOT_FOUND'],
          title: '未找到该证照',
          note: '证照可能已更新，请返回证照夹刷新后重试。',
        }}
      >
        {(item) => <Share item={item} />}
      </WalletStates>
    </PageShell>
  );
}
