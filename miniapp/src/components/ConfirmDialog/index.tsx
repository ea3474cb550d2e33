import { View, Text } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
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
      <Button className="sj-confirm__button" id={`${id}-cancel`} disabled={busy} onClick={onCancel}>
        取消
      </Button>
      <Button
        className="sj-confirm__button"
        id={`${id}-confirm`}
        type={danger ? 'danger' : 'primary'}
        loading={busy}
        onClick={onConfirm}
      >
        {confirmText}
      </Button>
    </View>
  );
  return (
    <Dialog
      className="sj-confirm"
      visible={visible}
      title={title}
      content={<Text className="sj-confirm__message">{message}</Text>}
      footer={footer}
      closeOnOverlayClick={!busy}
      onClose={onCancel}
    />
  );
}
