import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { FamilyAuthorisation } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { messageOf } from '@/services/api-error';
import { withdrawAuthorisation } from '@/services/family';
import { dayText } from '../../utils/family-text';

/** 谁可以代我办理: everyone with authority over my affairs, each withdrawable at once. */
export function Authorisations({
  items,
  onChanged,
}: {
  items: FamilyAuthorisation[];
  onChanged: () => void;
}): JSX.Element {
  const [asking, setAsking] = useState<FamilyAuthorisation | null>(null);
  const [busy, setBusy] = useState(false);
  const withdraw = async (authorisation: FamilyAuthorisation): Promise<void> => {
    setBusy(true);
    try {
      await withdrawAuthorisation(authorisation.authorisationId);
      setAsking(null);
      void Taro.showToast({ title: '已撤销授权', icon: 'success' });
      onChanged();
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Text className="sj-section-title">谁可以代我办理</Text>
      <View className="sj-card" id="family-authorisations">
        {items.length === 0 ? (
          <Text className="sj-hint" id="family-authorisations-empty">
            目前没有人可以代您办理。家人邀请您授权时，会在这里等您确认。
          </Text>
        ) : (
          items.map((item) => (
            <View
              className="family-authorisation"
              key={item.authorisationId}
              id={`family-authorisation-${item.authorisationId}`}
            >
              <View className="family-authorisation__text">
                <Text className="family-authorisation__name">
                  {item.actorNameMasked}（{item.relationText}）
                </Text>
                <Text className="family-authorisation__note">
                  {item.since ? `${dayText(item.since)}起` : ''}可为您办事、预约，查看您的办件和证照
                </Text>
              </View>
              <Button
                size="small"
                type="danger"
                fill="outline"
                id={`family-authorisation-${item.authorisationId}-withdraw`}
                onClick={() => setAsking(item)}
              >
                撤销
              </Button>
            </View>
          ))
        )}
      </View>
      <ConfirmDialog
        id="family-withdraw-dialog"
        visible={asking !== null}
        title="撤销授权"
        message={
          asking ? `撤销后 ${asking.actorNameMasked} 立即不能再代您办理，已提交的办件不受影响。确定撤销吗？` : ''
        }
        confirmText="撤销授权"
        danger
        busy={busy}
        onConfirm={() => asking && void withdraw(asking)}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}
