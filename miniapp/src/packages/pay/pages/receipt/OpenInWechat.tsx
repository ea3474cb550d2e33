import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { messageOf } from '@/services/api-error';
import { openReceiptInWechat } from '../../services/receipt';

/** weapp: the PDF opens in WeChat's document viewer, where it can be saved or sent to a chat. */
export function OpenInWechat({ orderId }: { orderId: string }): JSX.Element {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = (): void => {
    setBusy(true);
    setError(null);
    openReceiptInWechat(orderId).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(messageOf(failure));
      },
    );
  };
  return (
    <View className="receipt-open">
      <FieldError id="receipt-open-error" message={error} />
      <Button block className="sj-block-button" type="primary" id="receipt-open" loading={busy} onClick={open}>
        打开电子票据
      </Button>
    </View>
  );
}
