import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Dialog, TextArea } from '@nutui/nutui-react-taro';

interface WithdrawDialogProps {
  visible: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** 撤回申请: a reason (2-200 characters, as the BFF requires) and a second thought. */
export function WithdrawDialog({ visible, busy, error, onConfirm, onCancel }: WithdrawDialogProps): JSX.Element {
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const confirm = (): void => {
    if (reason.trim().length < 2) {
      setLocal('请填写撤回原因（至少 2 个字）');
      return;
    }
    setLocal(null);
    onConfirm(reason.trim());
  };
  const message = local ?? error;
  return (
    <Dialog
      className="sj-confirm"
      visible={visible}
      title="撤回申请"
      content={
        <View className="case-withdraw">
          <Text className="sj-confirm__message">撤回后该申请将停止办理，如需办理须重新提交。确定撤回吗？</Text>
          <TextArea
            className="case-withdraw__reason"
            id="withdraw-reason"
            value={reason}
            placeholder="请填写撤回原因"
            maxLength={200}
            onChange={(v) => {
              setReason(v);
              // The 'too short' note belongs to the text it was about, not to what is typed after it.
              setLocal(null);
            }}
          />
          {message ? (
            <Text className="sj-field-error" id="withdraw-error">
              {message}
            </Text>
          ) : null}
        </View>
      }
      footer={
        <View className="sj-confirm__footer">
          <Button className="sj-confirm__button" id="withdraw-cancel" disabled={busy} onClick={onCancel}>
            不撤回
          </Button>
          <Button className="sj-confirm__button" id="withdraw-confirm" type="danger" loading={busy} onClick={confirm}>
            确定撤回
          </Button>
        </View>
      }
      closeOnOverlayClick={!busy}
      onClose={onCancel}
    />
  );
}
