import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WalletItem } from '@suijing/shared';
import { PageShell } from '@/components/PageShell';
import { fetchWalletItem } from '@/services/wallet';
import { formatDay } from '@/utils/case-format';
import { goTo, ROUTES, routeParam, withQuery } from '@/utils/navigation';
import { InfoRow } from '../../components/InfoRow';
import { StatusTag } from '../../components/StatusTag';
import { WalletStates } from '../../components/WalletStates';
import { ITEM_STATUS_LABEL, ITEM_TONE, statusNote, toneOf } from '../../utils/format';
import { walletShareUrl } from '../../utils/urls';
import './index.scss';

/** Only a certificate in force may be shown to someone else (the BFF answers 409 otherwise). */
const showable = (item: WalletItem): boolean => item.status === 'valid' || item.status === 'expiring';

function Actions({ item }: { item: WalletItem }): JSX.Element {
  const canShow = showable(item);
  return (
    <View className="wallet-item-actions">
      {canShow ? null : (
        <Text className="sj-hint wallet-item-actions__note" id="item-not-showable">
          该证照当前{ITEM_STATUS_LABEL[item.status] ?? '无效'}，不能出示给他人。
        </Text>
      )}
      <Button
        block
        className="sj-block-button"
        type="primary"
        id="item-share"
        disabled={!canShow}
        onClick={() => goTo(walletShareUrl(item.id))}
      >
        出示给他人核验
      </Button>
      {item.link ? (
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="item-open-card"
          onClick={() => goTo(item.link ?? ROUTES.wallet)}
        >
          打开电子证件（供扫码核验）
        </Button>
      ) : null}
      <Button block className="sj-block-button" fill="none" id="item-shares" onClick={() => goTo(ROUTES.walletShares)}>
        查看出示记录
      </Button>
    </View>
  );
}

function ItemDetail({ item }: { item: WalletItem }): JSX.Element {
  return (
    <>
      <View className="sj-card wallet-item" id="item-card" data-kind={item.kind}>
        <View className="wallet-item__head">
          <Text className="wallet-item__name" id="item-name">
            {item.name}
          </Text>
          <StatusTag
            tone={toneOf(ITEM_TONE, item.status)}
            text={ITEM_STATUS_LABEL[item.status] ?? item.statusText}
            state={item.status}
            id="item-status"
          />
        </View>
        {statusNote(item.status, item.statusText) ? (
          <Text
            className={`wallet-item__note ${item.status === 'valid' ? '' : 'wallet-item__note--warning'}`}
            id="item-status-note"
          >
            {item.statusText}
          </Text>
        ) : null}
        <InfoRow label="持证人" value={item.holderNameMasked} id="item-holder" />
        <InfoRow label="证照号码" value={item.numberMasked} id="item-number" />
        <InfoRow label="签发机关" value={item.issuer} />
        {item.issuedOn ? <InfoRow label="签发日期" value={formatDay(item.issuedOn)} /> : null}
        <InfoRow label="有效期至" value={item.validUntil ? formatDay(item.validUntil) : '长期'} id="item-valid-until" />
      </View>
      <View className="sj-card" id="item-share-fields">
        <Text className="wallet-item__title">出示时可选择的内容</Text>
        <Text className="sj-hint">每次出示由您勾选，对方只能看到勾选的内容，不会看到完整证件号码。</Text>
        <View className="wallet-item__fields">
          {item.shareFields.map((field) => (
            <Text key={field.key} className="sj-badge sj-badge--primary">
              {field.label}
            </Text>
          ))}
        </View>
      </View>
      <Actions item={item} />
    </>
  );
}

/** One certificate: its facts, what may be shown of it, 出示 and, for a card with a QR, the card itself. */
export default function WalletItemPage(): JSX.Element {
  const id = routeParam(useRouter().params, 'id');
  const load = useCallback(() => fetchWalletItem(id), [id]);
  return (
    <PageShell id="page-wallet-item">
      <WalletStates
        id="item"
        load={load}
        here={withQuery(ROUTES.walletItem, { id })}
        loginReason="登录后可查看您名下的电子证照。"
        notFound={{
          codes: ['WALLET_ITEM_NOT_FOUND'],
          title: '未找到该证照',
          note: '证照可能已更新，请返回证照夹刷新后重试。',
        }}
      >
        {(item) => <ItemDetail item={item} />}
      </WalletStates>
    </PageShell>
  );
}
