import { useEffect, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FieldError } from '@/components/FieldError';
import { messageOf } from '@/services/api-error';
import { openReceiptPdf, releaseReceiptPdf, saveReceiptPdf } from '../../services/receipt';
import type { ReceiptView } from '../../services/receipt-view';

/**
 * 保存电子票据 (PDF) and, on H5, 打开PDF. The H5 object URL lives as long
 * as the page.
 */
export function ReceiptActions({ view }: { view: ReceiptView }): JSX.Element {
  const { pdfUrl, fileName, order } = view;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => () => (pdfUrl ? releaseReceiptPdf(pdfUrl) : undefined), [pdfUrl]);

  const save = (): void => {
    setBusy(true);
    setError(null);
    saveReceiptPdf({ orderId: order.id, pdfUrl, fileName }).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(messageOf(failure));
      },
    );
  };

  return (
    <View className="receipt-actions">
      <FieldError id="receipt-save-error" message={error} />
      <Button block className="sj-block-button" type="primary" id="receipt-save" loading={busy} onClick={save}>
        保存电子票据（PDF）
      </Button>
      {pdfUrl ? (
        <Button
          block
          className="sj-block-button"
          type="primary"
          fill="outline"
          id="receipt-open-pdf"
          onClick={() => openReceiptPdf(pdfUrl)}
        >
          打开PDF
        </Button>
      ) : null}
      <Text className="sj-hint receipt-actions__note">
        {pdfUrl ? '保存后可用 PDF 阅读器打开或打印。' : '票据将在微信中打开，可通过右上角菜单保存或转发。'}
      </Text>
    </View>
  );
}
