import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { useFavorite } from './useFavorite';

/** Until the next issue ships the forms, the button says so instead of pretending to submit. */
export const APPLY_NOT_OPEN_MESSAGE = '在线申请表单即将开放，您可先查看办事指南，或预约到服务大厅办理。';

/** The fixed bar under a guide: favourite star and 在线办理. */
export function ActionBar({ code, name }: { code: string; name: string }): JSX.Element {
  const favorite = useFavorite(code);
  const [applyOpen, setApplyOpen] = useState(false);
  const starred = favorite.favorite === true;

  return (
    <>
      <View className="guide-actions">
        <View
          className={`guide-actions__star ${starred ? 'guide-actions__star--on' : ''}`}
          id="favorite-toggle"
          role="button"
          aria-pressed={starred}
          aria-busy={favorite.busy}
          aria-label={starred ? `取消收藏${name}` : `收藏${name}`}
          onClick={favorite.toggle}
          hoverClass="guide-actions__star--pressed"
        >
          <Text className="guide-actions__star-icon" aria-hidden>
            {starred ? '★' : '☆'}
          </Text>
          <Text className="guide-actions__star-text">{starred ? '已收藏' : '收藏'}</Text>
        </View>
        <Button className="guide-actions__apply" id="apply-online" type="primary" onClick={() => setApplyOpen(true)}>
          在线办理
        </Button>
      </View>

      <ConfirmDialog
        id="favorite-login-dialog"
        visible={favorite.askingLogin}
        title="登录后收藏"
        message="登录后即可收藏该事项，下次在「我的收藏」中直接找到。现在去登录吗？"
        confirmText="去登录"
        onConfirm={favorite.confirmLogin}
        onCancel={favorite.cancelLogin}
      />
      <Dialog
        className="sj-confirm"
        visible={applyOpen}
        title="在线办理"
        content={
          <Text className="sj-confirm__message" id="apply-online-message">
            {APPLY_NOT_OPEN_MESSAGE}
          </Text>
        }
        footer={
          <View className="sj-confirm__footer">
            <Button
              className="sj-confirm__button"
              id="apply-online-ok"
              type="primary"
              onClick={() => setApplyOpen(false)}
            >
              知道了
            </Button>
          </View>
        }
        onClose={() => setApplyOpen(false)}
      />
    </>
  );
}
