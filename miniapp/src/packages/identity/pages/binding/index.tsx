import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ERRORS } from '@suijing/shared/errors';
import type { BindingHistory, IdentityStatus } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { PageShell } from '@/components/PageShell';
import { PersonalStates, realNameRequired } from '@/components/PersonalStates';
import { useAuth } from '@/hooks/useAuth';
import { useStepUpAction } from '@/hooks/useStepUpAction';
import { ApiError } from '@/services/api-error';
import { fetchBindingHistory, fetchIdentity, unbindIdentity } from '@/services/identity';
import { endSessionLocally } from '@/stores/auth-actions';
import { assuranceText } from '@/utils/assurance';
import { formatDateTime } from '@/utils/format';
import { goTo, ROUTES } from '@/utils/navigation';
import { VERIFY_METHOD_TEXT } from '../../utils/format';
import { HistoryList } from './HistoryList';
import './index.scss';

interface Binding {
  identity: IdentityStatus;
  history: BindingHistory;
}

async function loadBinding(): Promise<Binding> {
  const identity = await fetchIdentity();
  if (identity.realNameStatus !== 'verified') throw realNameRequired();
  return { identity, history: await fetchBindingHistory() };
}

function Row({ label, value, id }: { label: string; value: string; id?: string }): JSX.Element {
  return (
    <View className="binding-row">
      <Text className="binding-row__label">{label}</Text>
      <Text className="binding-row__value" id={id}>
        {value}
      </Text>
    </View>
  );
}

function Status({ identity }: { identity: IdentityStatus }): JSX.Element {
  const auth = useAuth();
  const level = auth.status === 'authenticated' ? assuranceText(auth.user.assurance) : null;
  return (
    <View className="sj-card binding-status" id="binding-status">
      {level ? (
        <Text className={`sj-badge sj-badge--${level.tone}`} id="binding-level">
          {level.text}
        </Text>
      ) : null}
      <Row label="姓名" value={identity.nameMasked ?? '—'} id="binding-name" />
      <Row label="身份证号" value={identity.idNumberMasked ?? '—'} id="binding-id-number" />
      <View className="binding-status__reveal">
        <Button size="small" type="primary" fill="outline" id="binding-reveal" onClick={() => goTo(ROUTES.reveal)}>
          查看完整号码
        </Button>
      </View>
      {identity.method ? <Row label="认证方式" value={VERIFY_METHOD_TEXT[identity.method]} /> : null}
      {identity.verifiedAt ? <Row label="绑定时间" value={formatDateTime(identity.verifiedAt)} /> : null}
      <Text className="sj-hint binding-status__note">一个身份只能绑定一个账号。查看完整号码需本人刷脸确认。</Text>
    </View>
  );
}

/** 解除绑定: fresh 本人认证, a confirmation, then every session of the account ends (this one too). */
function Unbind(): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const { run, busy } = useStepUpAction(unbindIdentity, {
    onDone: () => {
      const { status, message } = ERRORS.IDENTITY_UNBOUND;
      endSessionLocally(new ApiError({ status, code: 'IDENTITY_UNBOUND', message }));
    },
    onError: (message) => void Taro.showToast({ title: message, icon: 'none', duration: 3000 }),
  });
  return (
    <View className="binding-danger">
      <Text className="sj-hint binding-danger__note">
        解除后，当前账号退回未实名状态，所有设备将退出登录；车驾管记录、办件等个人信息将无法查看，直到再次实名。
      </Text>
      <Button
        block
        className="sj-block-button"
        type="danger"
        fill="outline"
        id="binding-unbind"
        loading={busy}
        onClick={() => setConfirming(true)}
      >
        解除绑定
      </Button>
      <ConfirmDialog
        id="binding-unbind-dialog"
        visible={confirming}
        title="解除实名绑定"
        message="需先由本人刷脸确认。解除后所有设备将退出登录，确定解除吗？"
        confirmText="解除绑定"
        danger
        busy={busy}
        onConfirm={() => {
          setConfirming(false);
          run();
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}

/** 实名与绑定: the identity on this account (masked), its binding history, and unbinding. */
export default function BindingPage(): JSX.Element {
  const load = useCallback(() => loadBinding(), []);
  return (
    <PageShell id="page-binding">
      <PersonalStates
        id="binding"
        load={load}
        here={ROUTES.binding}
        loginReason="登录后可查看您的实名与绑定情况。"
        unverified={{ title: '当前账号尚未实名', note: '完成实名认证后，您的身份将绑定到当前账号。' }}
      >
        {({ identity, history }) => (
          <>
            <Status identity={identity} />
            <Text className="sj-section-title">绑定记录</Text>
            <View className="sj-card">
              <HistoryList items={history.items} />
            </View>
            <View className="sj-card">
              <Unbind />
            </View>
          </>
        )}
      </PersonalStates>
    </PageShell>
  );
}
