import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { QrCode } from '@/components/QrCode';

interface CtidPanelProps {
  id: string;
  authUrl: string;
  qrContent: string;
  expiresInSeconds: number;
  completing: boolean;
  onComplete: () => void;
  onRestart: () => void;
}

/**
 * 网证 (CTID) in the browser: the trusted identity platform's authorisation
 * page opens beside the app (or its QR is scanned with the 网证 app on
 * another phone); back here, 我已完成认证 asks the BFF for the result.
 */
export function CtidPanel(props: CtidPanelProps): JSX.Element {
  const { id, authUrl, qrContent, expiresInSeconds, completing, onComplete, onRestart } = props;
  const minutes = Math.max(1, Math.round(expiresInSeconds / 60));
  return (
    <View className="in-person-ctid" id={`${id}-ctid`}>
      <Text className="in-person-ctid__title">请在“网证”页面完成本人授权</Text>
      <Text className="sj-hint in-person-ctid__steps">
        1. 点击下方按钮，打开国家网络身份认证（网证）授权页面；2. 按提示完成人像核验并确认授权；3.
        回到本页，点击“我已完成认证”。
      </Text>
      {/* Build-time constant: a real link only where there is a browser (weapp uses WeChat's face check). */}
      {process.env.TARO_ENV === 'h5' ? (
        <a
          className="in-person-ctid__open"
          id={`${id}-ctid-open`}
          href={authUrl}
          target="_blank"
          rel="noopener noreferrer"
        >
          打开网证认证页面
        </a>
      ) : null}
      <View className="in-person-ctid__qr">
        <QrCode id={`${id}-ctid-qr`} value={qrContent} label="网证认证二维码" />
        <Text className="sj-hint in-person-ctid__qr-note">也可用另一部手机上的“国家网络身份认证”App 扫码授权</Text>
      </View>
      <Text className="sj-hint in-person-ctid__expiry">请在 {minutes} 分钟内完成，超时请重新发起。</Text>
      <Button
        block
        className="sj-block-button"
        type="primary"
        id={`${id}-complete`}
        loading={completing}
        disabled={completing}
        onClick={onComplete}
      >
        我已完成认证
      </Button>
      <Button
        block
        className="sj-block-button in-person-ctid__restart"
        type="default"
        id={`${id}-restart`}
        disabled={completing}
        onClick={onRestart}
      >
        重新发起认证
      </Button>
    </View>
  );
}
