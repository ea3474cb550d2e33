import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AccountDeletion } from '@suijing/shared';
import { ConfirmDialog } from '@/components/ConfirmDialog';
import { PageShell } from '@/components/PageShell';
import { PageStates } from '@/components/PageStates';
import { LoginGate } from '@/components/PersonalStates';
import { useAsync } from '@/hooks/useAsync';
import { useStepUpAction } from '@/hooks/useStepUpAction';
import { ApiError, messageOf } from '@/services/api-error';
import { cancelDeletion, fetchDeletion, scheduleDeletion } from '@/services/privacy';
import { formatDateTime } from '@/utils/format';
import { Explanation } from './Explanation';
import './index.scss';

/** The cooling-off period the BFF applies, in days (see the scheduled date it answers). */
const COOLING_OFF_DAYS = 7;

function Scheduled({ deletion, onCancelled }: { deletion: AccountDeletion; onCancelled: () => void }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const cancel = async (): Promise<void> => {
    setBusy(true);
    try {
      await cancelDeletion();
      void Taro.showToast({ title: '已撤销注销', icon: 'success' });
      onCancelled();
    } catch (error) {
      // Nothing scheduled any more (cancelled on another device): the page shows that.
      if (error instanceof ApiError && error.code === 'ACCOUNT_DELETION_NOT_FOUND') onCancelled();
      else void Taro.showToast({ title: messageOf(error), icon: 'none', duration: 3000 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="sj-card deletion-scheduled" id="deletion-scheduled">
      <Text className="sj-badge sj-badge--danger">注销申请已提交</Text>
      <Text className="deletion-scheduled__date" id="deletion-date">
        账号将于 {deletion.scheduledFor ? formatDateTime(deletion.scheduledFor) : '冷静期满后'} 注销
      </Text>
      {deletion.requestedAt ? (
        <Text className="sj-hint deletion-scheduled__line">申请时间：{formatDateTime(deletion.requestedAt)}</Text>
      ) : null}
      <Text className="sj-hint deletion-scheduled__line">在此之前可随时撤销，账号和数据将保持不变。</Text>
      <Button
        block
        className="sj-block-button"
        type="primary"
        id="deletion-cancel"
        loading={busy}
        onClick={() => void cancel()}
      >
        撤销注销
      </Button>
    </View>
  );
}

function Request({ onScheduled }: { onScheduled: (deletion: AccountDeletion) => void }): JSX.Element {
  const [confirming, setConfirming] = useState(false);
  const { run, busy } = useStepUpAction(scheduleDeletion, {
    onDone: (deletion) => {
      void Taro.showToast({ title: '注销申请已提交', icon: 'none' });
      onScheduled(deletion);
    },
    onError: (message) => void Taro.showToast({ title: message, icon: 'none', duration: 3000 }),
  });
  return (
    <View className="sj-card">
      <Explanation days={COOLING_OFF_DAYS} />
      <Button
        block
        className="sj-block-button deletion-request"
        type="danger"
        fill="outline"
        id="deletion-schedule"
        loading={busy}
        onClick={() => setConfirming(true)}
      >
        申请注销账号
      </Button>
      <ConfirmDialog
        id="deletion-dialog"
        visible={confirming}
        title="申请注销账号"
        message={`需先由本人刷脸确认。${COOLING_OFF_DAYS} 天冷静期内可撤销，期满后账号将被注销且无法恢复。确定申请吗？`}
        confirmText="确认申请"
        danger
        onConfirm={() => {
          setConfirming(false);
          run();
        }}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}

function Deletion(): JSX.Element {
  const { state, reload, setData } = useAsync(fetchDeletion);
  return (
    <PageStates id="deletion" state={state} onRetry={reload}>
      {(deletion) =>
        deletion.status === 'scheduled' ? (
          <Scheduled deletion={deletion} onCancelled={() => setData(() => ({ status: 'none' }))} />
        ) : (
          <Request onScheduled={(next) => setData(() => next)} />
        )
      }
    </PageStates>
  );
}

/** 注销账号: what goes and what stays, a cooling-off period, and 撤销注销 until it ends. */
export default function DeletionPage(): JSX.Element {
  return (
    <PageShell id="page-deletion">
      <LoginGate id="deletion-auth" loginReason="登录后才能办理账号注销。">
        <Deletion />
      </LoginGate>
    </PageShell>
  );
}
