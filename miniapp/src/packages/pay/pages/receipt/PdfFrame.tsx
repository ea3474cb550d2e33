import { useEffect } from 'react';
import { View, Text } from '@tarojs/components';

/**
 * H5: the PDF in the browser's own viewer, and a 保存 link that downloads
 * it. The object URL lives as long as the page.
 */
export function PdfFrame({ url, fileName }: { url: string; fileName: string }): JSX.Element {
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <View className="receipt-pdf">
      <iframe className="receipt-pdf__frame" id="receipt-frame" src={url} title="电子票据（PDF）" />
      <a className="receipt-pdf__save" id="receipt-save" href={url} download={fileName}>
        保存电子票据
      </a>
      <Text className="sj-hint receipt-pdf__note">如页面无法显示票据，请点击「保存电子票据」后用 PDF 阅读器打开。</Text>
    </View>
  );
}
