import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import type { WalletShare, WalletShareList } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { EmptyState } from '@/components/EmptyState';
import { FieldError } from '@/components/FieldError';
import { PageShell } from '@/components/PageShell';
import { messageOf } from '@/services/api-error';
import { listShares, revokeShare } from '@/services/wallet';
import { ROUTES } from '@/utils/navigation';
import { WalletStates } from '../../components/WalletStates';
import { ShareCard } from './ShareCard';
import './index.scss';

/** Back from a new 出示, or later: new checks are news. */
function ReloadOnShow({ reload }: { reload: () => void }): null {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return null;
}

function ShareList({ list, reload }: { list: WalletShareList; reload: () => void }): JSX.Element {
  const [revoking, setRevoking] = useState<WalletShare | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const confirm = async (): Promise<void> => {
    if (!revoking) return;
    setBusy(true);
    setFailure(null);
    try {
      await revokeShare(revoking);
      setRevoking(null);
      void Taro.showToast({ title: '已撤销，对方无法再查看', icon: 'none' });
      reload();
    } catch (error) {
      setRevoking(null);
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ReloadOnShow reload={reload} />
      <FieldError id="shares-error" className="shares-error" message={failure} />
      {list.items.length === 0 ? (
        <EmptyState
          id="shares-empty"
          title="还没有出示记录"
          note="在证照夹中打开一张证照，选择「出示给他人核验」即可生成限时链接。"
        />
      ) : (
        <View id="shares-list">
          <Text className="sj-hint shares-note">对方每次核验都会记录核验方名称和时间。撤销后链接立即失效。</Text>
          {list.items.map((share) => (
            <ShareCard key={share.shareId} share={share} onRevoke={setRevoking} />
          ))}
        </View>
      )}
      <ConfirmDialog
        visible={revoking !== null}
        id="shares-revoke-dialog"
        title="撤销出示"
        message="撤销后对方将无法再通过该链接或二维码查看您的证照信息。"
        confirmText="撤销"
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}

/** 出示记录: every 出示 link I made, its state, who checked it and when; 撤销 ends one at once. */
export default function SharesPage(): JSX.Element {
  const load = useCallback(() => listShares(), []);
  return (
    <PageShell id="page-wallet-shares">
      <WalletStates id="shares" load={load} here={ROUTES.walletShares} loginReason="登录后可查看您的证照出示记录。">
        {(list, reload) => <ShareList list={list} reload={reload} />}
      </WalletStates>
    </PageShell>
  );
}
