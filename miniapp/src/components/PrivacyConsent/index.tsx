import Taro from '@tarojs/taro';
import { View, Text, Button as TaroButton } from '@tarojs/components';
import { Dialog } from '@nutui/nutui-react-taro';
import { usePrivacy } from '@/hooks/usePrivacy';
import { PRIVACY_AGREE_BUTTON_ID } from '@/stores/privacy';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** What we collect and why, in short; the full guide is WeChat's privacy contract page. */
const SUMMARY: ReadonlyArray<{ title: string; text: string }> = [
  { title: '手机号', text: '短信验证码登录时收集，用于识别您的账号，页面上仅显示部分号码。' },
  { title: '微信登录标识', text: '微信一键登录时由微信提供，用于关联您的账号，不获取您的微信资料。' },
  { title: '设备信息', text: '记录登录设备的型号和时间，便于您在「登录设备管理」中查看和退出。' },
];

/**
 * First-launch consent modal. On weapp the agree button uses
 * open-type="agreePrivacyAuthorization", so WeChat records the consent itself.
 */
export function PrivacyConsent(): JSX.Element | null {
  const { status, agree, decline } = usePrivacy();
  if (status !== 'required') return null;

  const content = (
    <View className="sj-privacy__body">
      <Text className="sj-privacy__intro">
        欢迎使用穗警通。为向您提供登录和办事服务，我们会按以下说明处理您的个人信息：
      </Text>
      {SUMMARY.map((item) => (
        <View className="sj-privacy__item" key={item.title}>
          <Text className="sj-privacy__item-title">{item.title}</Text>
          <Text className="sj-privacy__item-text">{item.text}</Text>
        </View>
      ))}
      <Text className="sj-privacy__intro">
        信息仅用于办理您发起的业务，不会用于其他目的。您可随时退出登录或移除登录设备。
      </Text>
      {IS_WEAPP ? (
        <Text className="sj-privacy__link" onClick={() => Taro.openPrivacyContract()}>
          查看完整《穗警通隐私保护指引》
        </Text>
      ) : null}
    </View>
  );

  const footer = (
    <View className="sj-privacy__footer">
      <TaroButton className="sj-privacy__button sj-privacy__button--decline" id="privacy-decline" onClick={decline}>
        不同意
      </TaroButton>
      <TaroButton
        className="sj-privacy__button sj-privacy__button--agree"
        id={PRIVACY_AGREE_BUTTON_ID}
        openType={IS_WEAPP ? 'agreePrivacyAuthorization' : undefined}
        onAgreePrivacyAuthorization={IS_WEAPP ? agree : undefined}
        onClick={IS_WEAPP ? undefined : agree}
      >
        同意
      </TaroButton>
    </View>
  );

  return (
    <Dialog
      className="sj-privacy"
      visible
      title="隐私保护指引"
      content={content}
      footer={footer}
      closeOnOverlayClick={false}
      lockScroll
    />
  );
}
