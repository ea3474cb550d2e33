import { useCallback, useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Wallet } from '@suijing/shared';
import { EmptyState } from '@/components/EmptyState';
import { PageShell } from '@/components/PageShell';
import { fetchWallet } from '@/services/wallet';
import { goTo, ROUTES } from '@/utils/navigation';
import { WalletStates } from '../../components/WalletStates';
import { groupItems } from '../../utils/format';
import { ItemCard } from './ItemCard';
import './index.scss';

/** Back from 出示 or an approved 居住证: statuses may have changed. */
function ReloadOnShow({ reload }: { reload: () => void }): null {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
  return null;
}

/** 我的居住证 and 出示记录, the two ways on from the wallet. */
function Shortcuts(): JSX.Element {
  return (
    <View className="wallet-shortcuts">
      <View className="wallet-shortcut" id="wallet-residence" role="link" onClick={() => goTo(ROUTES.residence)}>
        <Text className="wallet-shortcut__title">我的居住证</Text>
        <Text className="wallet-shortcut__note">申领、签注、电子居住证</Text>
      </View>
      <View className="wallet-shortcut" id="wallet-shares" role="link" onClick={() => goTo(ROUTES.walletShares)}>
        <Text className="wallet-shortcut__title">出示记录</Text>
        <Text className="wallet-shortcut__note">谁在何时核验了您的证照</Text>
      </View>
    </View>
  );
}

/** A source that did not answer is named, so a missing card is not mistaken for "not held". */
function Unavailable({ wallet, reload }: { wallet: Wallet; reload: () => void }): JSX.Element | null {
  if (wallet.unavailable.length === 0) return null;
  const names = wallet.unavailable.map((source) => source.sourceName).join('、');
  return (
    <View className="sj-card wallet-unavailable" id="wallet-unavailable" aria-live="polite">
      <Text className="wallet-unavailable__text">{names}暂时无法访问，相关证照暂未显示。</Text>
      <Button type="primary" fill="outline" size="small" id="wallet-unavailable-retry" onClick={reload}>
        重试
      </Button>
    </View>
  );
}

function WalletList({ wallet, reload }: { wallet: Wallet; reload: () => void }): JSX.Element {
  const groups = groupItems(wallet.items);
  return (
    <>
      <ReloadOnShow reload={reload} />
      <Unavailable wallet={wallet} reload={reload} />
      {groups.length === 0 ? (
        <EmptyState
          id="wallet-empty"
          title="暂无可展示的证照"
          note="取得居住证、驾驶证或电子证照后会自动出现在这里。"
        />
      ) : (
        <View id="wallet-list">
          {groups.map((group) => (
            <View key={group.title} className="wallet-group">
              <Text className="sj-section-title">{group.title}</Text>
              {group.items.map((item) => (
                <ItemCard key={item.id} item={item} />
              ))}
            </View>
          ))}
        </View>
      )}
    </>
  );
}

/** 证照夹: every certificate I hold in one place, grouped, each with its status; 出示 from its details. */
export default function WalletPage(): JSX.Element {
  const load = useCallback(() => fetchWallet(), []);
  return (
    <PageShell id="page-wallet">
      <View className="wallet-hero">
        <Text className="wallet-hero__name">证照夹</Text>
        <Text className="wallet-hero__intro">
          证照信息来自签发机关，只向本人展示；出示时由您决定对方能看到哪些内容。
        </Text>
      </View>
      <Shortcuts />
      <WalletStates id="wallet" load={load} here={ROUTES.wallet} loginReason="登录后可查看您名下的电子证照。">
        {(wallet, reload) => <WalletList wallet={wallet} reload={reload} />}
      </WalletStates>
    </PageShell>
  );
}
