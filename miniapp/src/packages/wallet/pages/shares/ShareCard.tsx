import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { WalletShare } from '@suijing/shared';
import { formatDateTime } from '@/utils/format';
import { StatusTag } from '../../components/StatusTag';
import { SHARE_STATE_TEXT, SHARE_TONE, toneOf } from '../../utils/format';

/** One 出示: what and why, what it shows, until when, each check (who, when), and 撤销 while it is active. */
export function ShareCard(props: { share: WalletShare; onRevoke: (share: WalletShare) => void }): JSX.Element {
  const { share, onRevoke } = props;
  const id = `share-${share.shareId}`;
  return (
    <View className="share-card" id={id} data-state={share.state}>
      <View className="share-card__head">
        <Text className="share-card__name">{share.credentialName}</Text>
        <StatusTag
          tone={toneOf(SHARE_TONE, share.state)}
          text={SHARE_STATE_TEXT[share.state] ?? share.state}
          state={share.state}
          id={`${id}-state`}
        />
      </View>
      <Text className="share-card__line">用途：{share.purpose}</Text>
      <Text className="share-card__line">可见内容：{share.fields.map((field) => field.label).join('、')}</Text>
      <Text className="share-card__line">
        {formatDateTime(share.createdAt)} 生成，
        {share.state === 'revoked' ? '已撤销' : `${formatDateTime(share.expiresAt)} 到期`}
      </Text>
      <View className="share-card__uses" id={`${id}-uses`}>
        <Text className="share-card__uses-title">核验记录（{share.uses.length} 次）</Text>
        {share.uses.length === 0 ? (
          <Text className="share-card__use">尚无人核验</Text>
        ) : (
          share.uses.map((use) => (
            <Text key={`${use.at}-${use.verifierName}`} className="share-card__use">
              {formatDateTime(use.at)} · {use.verifierName}
            </Text>
          ))
        )}
      </View>
      {share.state === 'active' ? (
        <Button
          className="share-card__revoke"
          type="danger"
          fill="outline"
          size="small"
          id={`${id}-revoke`}
          onClick={() => onRevoke(share)}
        >
          撤销出示
        </Button>
      ) : null}
    </View>
  );
}
