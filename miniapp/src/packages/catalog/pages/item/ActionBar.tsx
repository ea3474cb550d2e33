import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ItemGuide } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { ROUTES, withQuery } from '@/utils/navigation';
import { useFavorite } from './useFavorite';
import { useApplyStart } from './useApplyStart';

/** The fixed bar under a guide: favourite star, 为家人办理 where the guide allows 代办, and 在线办理. */
export function ActionBar(props: {
  code: string;
  name: string;
  assurance?: 'L2' | 'L3';
  onBehalf?: ItemGuide['onBehalf'];
}): JSX.Element {
  const { code, name, assurance = 'L2', onBehalf = 'none' } = props;
  const favorite = useFavorite(code);
  const apply = useApplyStart(code, undefined, assurance);
  // The same steps first (login, 实名, 实人 at the item's level: the acting person's own), then the member picker.
  const forFamily = useApplyStart(code, withQuery(ROUTES.familyPick, { code }), assurance);
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
          // Starts with the visible text, so 语音控制 "点按 已收藏" finds it; aria-pressed tells the state.
          aria-label={`${starred ? '已收藏' : '收藏'}：${name}`}
          onClick={favorite.toggle}
          hoverClass="guide-actions__star--pressed"
        >
          <Text className="guide-actions__star-icon" aria-hidden>
            {starred ? '★' : '☆'}
          </Text>
          <Text className="guide-actions__star-text">{starred ? '已收藏' : '收藏'}</Text>
        </View>
        {onBehalf !== 'none' ? (
          <Button
            className="guide-actions__family"
            id="apply-for-family"
            type="primary"
            fill="outline"
            onClick={forFamily.start}
          >
            为家人办理
          </Button>
        ) : null}
        <Button className="guide-actions__apply" id="apply-online" type="primary" onClick={apply.start}>
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
      <ConfirmDialog
        id="apply-login-dialog"
        visible={apply.askingLogin || forFamily.askingLogin}
        title="登录后办理"
        message="在线办理需要先登录并完成实名认证（只需一次）。现在去登录吗？"
        confirmText="去登录"
        onConfirm={forFamily.askingLogin ? forFamily.confirmLogin : apply.confirmLogin}
        onCancel={() => {
          apply.cancelLogin();
          forFamily.cancelLogin();
        }}
      />
    </>
  );
}
