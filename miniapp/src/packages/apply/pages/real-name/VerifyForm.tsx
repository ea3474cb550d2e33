import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { IdentityCheckOutcome } from '@suijing/shared';
import { IdentityFields, useIdentityFields } from '@/components/IdentityFields';
import { InPersonCheckPanel, MovedNotice } from '@/components/InPersonCheck';
import { ApiError, messageOf } from '@/services/api-error';
import { verifyIdentity } from '@/services/identity';
import { applyIdentity } from '@/stores/auth-actions';
import { noteStepUpPassed } from '@/stores/step-up';
import { CHANNEL_NAME, inPersonChannel } from '@/utils/assurance';
import { leaveTo } from '@/utils/navigation';

type Mode = 'form' | 'bound-elsewhere' | 'moved';

/**
 * 实名 for an account without an identity: name + ID number against the
 * register (L2), or at once with 刷脸 / 网证 (L2 and L3). When the identity is
 * bound to another account, 刷脸换绑 moves it here after an in-person check.
 */
export function VerifyForm({ next }: { next: string }): JSX.Element {
  const fields = useIdentityFields();
  const [mode, setMode] = useState<Mode>('form');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [locked, setLocked] = useState(false);
  const channelName = CHANNEL_NAME[inPersonChannel()];

  const submit = async (): Promise<void> => {
    const person = fields.validate();
    if (!person) return;
    setBusy(true);
    setError(null);
    try {
      applyIdentity(await verifyIdentity(person));
      noteStepUpPassed();
      void Taro.showToast({ title: '实名认证成功', icon: 'success' });
      setTimeout(() => leaveTo(next), 600);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'IDENTITY_BOUND_ELSEWHERE') {
        setMode('bound-elsewhere');
        return;
      }
      if (e instanceof ApiError && e.code === 'IDENTITY_TOO_MANY_TRIES') setLocked(true);
      const fieldErrors =
        e instanceof ApiError ? e.fields.filter((f) => f.path === 'name' || f.path === 'idNumber') : [];
      if (fieldErrors.length > 0) fields.setErrors(Object.fromEntries(fieldErrors.map((f) => [f.path, f.message])));
      else setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  const [passed, setPassed] = useState<IdentityCheckOutcome | null>(null);

  const onPassed = (outcome: IdentityCheckOutcome): void => {
    noteStepUpPassed();
    if (outcome.movedFromAnotherAccount) {
      // The account's new status is applied on 继续: applied now, this page would switch to its verified view.
      setPassed(outcome);
      setMode('moved');
      return;
    }
    applyIdentity(outcome.identity);
    void Taro.showToast({ title: '认证成功', icon: 'success' });
    setTimeout(() => leaveTo(next), 600);
  };

  if (mode === 'moved') {
    return (
      <MovedNotice id="real-name-moved">
        <Button
          block
          className="sj-block-button"
          type="primary"
          id="real-name-continue"
          onClick={() => {
            if (passed) applyIdentity(passed.identity);
            leaveTo(next);
          }}
        >
          继续
        </Button>
      </MovedNotice>
    );
  }

  return (
    <View className="real-name-form">
      <IdentityFields id="real-name" fields={fields} />
      {error ? (
        <Text className="sj-field-error real-name-form__error" id="real-name-error" aria-live="polite">
          {error}
        </Text>
      ) : null}
      {mode === 'bound-elsewhere' ? (
        <View className="real-name-bound" id="real-name-bound-elsewhere">
          <Text className="real-name-bound__title">该身份已绑定其他账号</Text>
          <Text className="real-name-bound__text">
            一个身份只能绑定一个账号。如果这是您本人的身份，可以通过“刷脸换绑”把它绑定到当前账号：需由本人完成
            {channelName}，原账号将立即在所有设备上退出登录，并收到短信和站内消息通知。
          </Text>
          <Text className="real-name-bound__text real-name-bound__warn">如果这不是您本人的身份，请勿继续。</Text>
          <InPersonCheckPanel
            id="real-name-takeover"
            person={fields.validate}
            onPassed={onPassed}
            onFieldErrors={fields.setErrors}
            startText="刷脸换绑"
          />
          <Button
            block
            className="sj-block-button real-name-bound__back"
            type="default"
            id="real-name-edit"
            onClick={() => setMode('form')}
          >
            返回修改
          </Button>
        </View>
      ) : (
        <>
          <Button
            block
            className="sj-block-button"
            type="primary"
            id="real-name-submit"
            loading={busy}
            disabled={locked}
            onClick={() => void submit()}
          >
            {locked ? '今日已无法再试' : '提交认证'}
          </Button>
          <View className="real-name-or">
            <Text className="sj-hint">或一步完成实名和本人认证（查询车驾管记录、出示电子证照需要）</Text>
          </View>
          <InPersonCheckPanel
            id="real-name-check"
            person={fields.validate}
            onPassed={onPassed}
            onFieldErrors={fields.setErrors}
          />
        </>
      )}
      <Text className="sj-hint real-name-form__privacy">
        您的姓名和身份证号码仅用于与公安人口信息核验身份，页面上只显示遮挡后的号码。
      </Text>
    </View>
  );
}
