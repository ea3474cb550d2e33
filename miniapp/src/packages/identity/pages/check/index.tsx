import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { LoginGate } from '@/components/PersonalStates';
import { CHANNEL_NAME, inPersonChannel, stepUpNote } from '@/utils/assurance';
import { routeParam } from '@/utils/navigation';
import { CheckBody } from './CheckBody';
import './index.scss';

/** The `within` parameter: seconds, or undefined when absent or not a positive number. */
function withinOf(raw: string): number | undefined {
  const seconds = Number(raw);
  return Number.isInteger(seconds) && seconds > 0 ? seconds : undefined;
}

/**
 * 本人认证 (L3): 刷脸 in WeChat, 网证 in the browser, for whatever asked for
 * it (records, the e-licence QR, 查看完整号码, 注销…); then on to `next`, or back.
 */
export default function InPersonCheckPage(): JSX.Element {
  const params = useRouter().params;
  const next = routeParam(params, 'next');
  const withinSeconds = withinOf(routeParam(params, 'within'));
  return (
    <PageShell id="page-in-person-check">
      <View className="check-header">
        <Text className="check-header__title">{CHANNEL_NAME[inPersonChannel()]}</Text>
        <Text className="check-header__subtitle" id="check-reason">
          {stepUpNote({ level: 'L3', withinSeconds })}
        </Text>
      </View>
      <View className="sj-card">
        <LoginGate id="check-status" loginReason="登录后才能进行本人认证。">
          <CheckBody next={next} />
        </LoginGate>
      </View>
      <Text className="sj-hint check-privacy">
        认证由微信或国家网络身份认证（网证）平台完成，穗警通只接收认证结果，不保存您的人像。
      </Text>
    </PageShell>
  );
}
