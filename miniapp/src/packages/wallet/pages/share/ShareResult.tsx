import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WalletShareCreated } from '@suijing/shared';
import { QrCode } from '@/components/QrCode';
import { formatDateTime } from '@/utils/format';
import { ROUTES } from '@/utils/navigation';
import { useNow } from '../../hooks/useNow';
import { timeLeftText } from '../../utils/format';

function copy(url: string): void {
  void Taro.setClipboardData({ data: url }).then(
    () => Taro.showToast({ title: '链接已复制', icon: 'none' }),
    () => Taro.showToast({ title: '复制失败，请长按链接手动复制', icon: 'none' }),
  );
}

/** The link made: its QR for the verifier to scan, the link to send, the time left, and exactly what it shows. */
export function ShareResult({ share }: { share: WalletShareCreated }): JSX.Element {
  const now = useNow();
  // It replaces the form the person scrolled down: its QR starts at the top.
  useEffect(() => {
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }, []);
  const expired = Date.parse(share.expiresAt) <= now.getTime();
  return (
    <View id="share-result">
      <View className="sj-card share-result">
        <Text className="share-result__title">{expired ? '出示已过期' : '请对方扫码或打开链接核验'}</Text>
        {expired ? (
          <Text className="sj-hint share-result__line" id="share-expired">
            链接和二维码已失效，如需再次出示请重新生成。
          </Text>
        ) : (
          <QrCode id="share-qr" value={share.url} label="证照出示二维码" />
        )}
        <Text className="share-result__countdown" id="share-countdown" aria-live="off">
          {expired ? '已过期' : `剩余 ${timeLeftText(share.expiresAt, now)}`}
        </Text>
        <Text className="sj-hint share-result__line">有效期至 {formatDateTime(share.expiresAt)}</Text>
        <Text className="share-result__url" id="share-url" userSelect>
          {share.url}
        </Text>
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="share-copy"
          disabled={expired}
          onClick={() => copy(share.url)}
        >
          复制链接
        </Button>
      </View>
      <View className="sj-card" id="share-shown">
        <Text className="share-result__subtitle">对方只能看到</Text>
        <View className="share-result__fields">
          {share.fields.map((field) => (
            <Text key={field.key} className="sj-badge sj-badge--primary" id={`share-field-${field.key}`}>
              {field.label}
            </Text>
          ))}
        </View>
        <Text className="sj-hint share-result__purpose" id="share-purpose">
          用途：{share.purpose}
        </Text>
      </View>
      <View className="share-actions">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="share-records"
          onClick={() => void Taro.redirectTo({ url: ROUTES.walletShares })}
        >
          查看出示记录
        </Button>
      </View>
    </View>
  );
}
