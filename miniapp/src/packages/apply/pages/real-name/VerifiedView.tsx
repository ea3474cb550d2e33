import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import type { IdentityCheckOutcome, User } from '@suijing/shared';
import { ErrorState } from '@/components/ErrorState';
import { InPersonCheckPanel } from '@/components/InPersonCheck';
import { useAsync } from '@/hooks/useAsync';
import { fetchIdentity } from '@/services/identity';
import { applyIdentity } from '@/stores/auth-actions';
import { noteStepUpPassed } from '@/stores/step-up';
import { assuranceText, CHANNEL_NAME, inPersonChannel } from '@/utils/assurance';
import { goTo, leaveTo, ROUTES } from '@/utils/navigation';

/** An account with its identity: the masked status, and 本人认证 (L3) when this session lacks it. */
export function VerifiedView({ user, next }: { user: User; next: string }): JSX.Element {
  const { state, reload } = useAsync(fetchIdentity);
  const level = assuranceText(user.assurance);

  const onPassed = (outcome: IdentityCheckOutcome): void => {
    applyIdentity(outcome.identity);
    noteStepUpPassed();
    void Taro.showToast({ title: '本人认证成功', icon: 'success' });
    if (next !== '') setTimeout(() => leaveTo(next), 600);
    else reload();
  };

  return (
    <>
      {state.status === 'loading' ? <Skeleton rows={2} animated /> : null}
      {state.status === 'error' ? (
        <ErrorState id="real-name-status-error" message={state.message} onRetry={reload} />
      ) : null}
      {state.status === 'success' ? (
        <View className="real-name-done" id="real-name-verified">
          <Text className={`sj-badge sj-badge--${level.tone}`} id="real-name-level">
            {level.text}
          </Text>
          <Text className="real-name-done__row">姓名：{state.data.nameMasked ?? '—'}</Text>
          <Text className="real-name-done__row">身份证号：{state.data.idNumberMasked ?? '—'}</Text>
        </View>
      ) : null}
      {user.assurance.level !== 'L3' ? (
        <View className="real-name-in-person" id="real-name-in-person">
          <Text className="real-name-in-person__title">{CHANNEL_NAME[inPersonChannel()]}（本人认证）</Text>
          <Text className="sj-hint real-name-in-person__note">
            查询车驾管记录、出示电子驾驶证和电子证照前，需要确认是您本人在操作。认证后 30 天内无需重复。
          </Text>
          <InPersonCheckPanel id="real-name-check" onPassed={onPassed} />
        </View>
      ) : null}
      <Button
        block
        className="sj-block-button real-name-done__binding"
        type="default"
        id="real-name-binding"
        onClick={() => goTo(ROUTES.binding)}
      >
        查看实名与绑定
      </Button>
    </>
  );
}
