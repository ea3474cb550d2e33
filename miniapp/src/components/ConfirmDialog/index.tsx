import { View, Text } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
import { Modal } from '@/components/Modal';
import './index.scss';

interface ConfirmDialogProps {
  visible: boolean;
  title: string;
  message: string;
  confirmText: string;
  /** Prefix of the button ids for E2E: `<id>-confirm`, `<id>-cancel`. */
  id: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** A yes/no question before a consequential action (log out, remove a device). */
export function ConfirmDialog(props: ConfirmDialogProps): JSX.Element {
  const { visible, title, message, confirmText, id, busy = false, danger = false, onConfirm, onCancel } = props;
  const footer = (
    <View className="sj-confirm__footer">
      <ActionButton className="sj-confirm__button" id={`${id}-cancel`} look="plain" disabled={busy} onClick={onCancel}>
        取消
      </ActionButton>
      <ActionButton
        className="sj-confirm__button"
        id={`${id}-confirm`}
        look={danger ? 'danger' : 'primary'}
        loading={busy}
        onClick={onConfirm}
      >
        {confirmText}
      </ActionButton>
    </View>
  );
  return (
    <Modal
      className="sj-confirm"
      id={id}
      visible={visible}
      title={title}
      footer={footer}
      onOverlayClick={busy ? undefined : onCancel}
    >
      <Text className="sj-confirm__message">{message}</Text>
    </Modal>
  );
}
