import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { IdentityCheckOutcome, IdentityStatus } from '@suijing/shared';
import { IdentityFields, useIdentityFields } from '@/components/IdentityFields';
import { InPersonCheckPanel, MovedNotice } from '@/components/InPersonCheck';
import { PageStates } from '@/components/PageStates';
import { useAsync } from '@/hooks/useAsync';
import { fetchIdentity } from '@/services/identity';
import { applyIdentity } from '@/stores/auth-actions';
import { noteStepUpPassed } from '@/stores/step-up';
import { leaveTo } from '@/utils/navigation';

function Subject({ identity }: { identity: IdentityStatus }): JSX.Element {
  return (
    <View className="check-subject" id="check-subject">
      <Text className="check-subject__label">认证对象</Text>
      <Text className="check-subject__value">
        {identity.nameMasked ?? '—'} {identity.idNumberMasked ?? ''}
      </Text>
    </View>
  );
}

/** The check for the account's own identity, or (not verified yet) for the name and ID number typed here. */
function Check({ identity, next }: { identity: IdentityStatus; next: string }): JSX.Element {
  const fields = useIdentityFields();
  const [moved, setMoved] = useState(false);
  const verified = identity.realNameStatus === 'verified';

  const onPassed = (outcome: IdentityCheckOutcome): void => {
    applyIdentity(outcome.identity);
    noteStepUpPassed();
    if (outcome.movedFromAnotherAccount) {
      setMoved(true);
      return;
    }
    void Taro.showToast({ title: '本人认证成功', icon: 'success' });
    setTimeout(() => leaveTo(next), 600);
  };

  if (moved) {
    return (
      <MovedNotice id="check-moved">
        <Button block className="sj-block-button" type="primary" id="check-continue" onClick={() => leaveTo(next)}>
          继续
        </Button>
      </MovedNotice>
    );
  }
  return (
    <View className="check-body">
      {verified ? (
        <Subject identity={identity} />
      ) : (
        <>
          <Text className="sj-hint check-body__unverified" id="check-unverified">
            您的账号尚未实名：请填写本人的姓名和身份证号码，认证通过后同时完成实名。
          </Text>
          <IdentityFields id="check" fields={fields} />
        </>
      )}
      <InPersonCheckPanel
        id="check"
        person={verified ? undefined : fields.validate}
        onPassed={onPassed}
        onFieldErrors={fields.setErrors}
      />
    </View>
  );
}

/** What the check page shows once logged in: whose identity, then the check. */
export function CheckBody({ next }: { next: string }): JSX.Element {
  const { state, reload } = useAsync(fetchIdentity);
  return (
    <PageStates id="check-status" state={state} onRetry={reload}>
      {(identity) => <Check identity={identity} next={next} />}
    </PageStates>
  );
}
