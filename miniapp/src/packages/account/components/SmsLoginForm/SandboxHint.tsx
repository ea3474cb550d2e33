import { View, Text } from '@tarojs/components';

/** Read at call time (not module load) so tests can set it per case. */
function sandboxUrl(): string {
  return (process.env.TARO_APP_SANDBOX_URL ?? '').trim().replace(/\/+$/, '');
}

/**
 * Demo/dev builds only (TARO_APP_SANDBOX_URL set): where to read the SMS
 * code that the sandbox "sent". Production builds leave the variable empty.
 */
export function SandboxHint({ phone }: { phone: string }): JSX.Element | null {
  const base = sandboxUrl();
  if (base === '') return null;
  const href = `${base}/sandbox/sms/outbox?phone=${encodeURIComponent(phone)}`;
  return (
    <View className="sms-form__sandbox" id="sandbox-hint">
      <Text className="sj-hint">演示环境：验证码可在沙箱短信发件箱查看</Text>
      {/* A real link (H5 only): opens the outbox beside the app. */}
      <a
        className="sms-form__sandbox-link"
        id="sandbox-outbox-link"
        href={href}
        target="_blank"
        rel="noopener noreferrer"
      >
        打开沙箱短信发件箱
      </a>
    </View>
  );
}
