import Taro from '@tarojs/taro';
import { View, Text, Button as TaroButton } from '@tarojs/components';
import { Modal } from '@/components/Modal';
import { usePrivacy } from '@/hooks/usePrivacy';
import { PRIVACY_AGREE_BUTTON_ID } from '@/stores/privacy';
import { goTo, ROUTES } from '@/utils/navigation';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const IS_H5 = process.env.TARO_ENV === 'h5';

/**
 * What we collect and why, in short: every kind the full guide covers, the
 * sensitive ones (PIPL 第二十八条) marked. The full guide, with how long each
 * is kept and who receives it, is the 隐私保护指引 page (served by the BFF).
 */
const SUMMARY: ReadonlyArray<{ title: string; text: string }> = [
  { title: '手机号和微信标识', text: '登录时收集，用于识别您的账号，页面上仅显示部分号码，不获取您的微信资料。' },
  {
    title: '姓名和身份证号码（敏感信息）',
    text: '实名认证时收集，加密保存，用于向公安机关核验身份和办理您本人的业务，注销账号时删除。',
  },
  {
    title: '人脸信息（敏感信息）',
    text: '本人认证时由微信人脸核身或“网证”采集比对，穗警通只接收认证结果，不保存人脸图像。',
  },
  { title: '位置信息（敏感信息）', text: '仅在您允许时用于查找最近的办事大厅，不写入数据库，可随时关闭。' },
  { title: '上传的材料（敏感信息）', text: '办事时上传的证件照片等直接存入公安审批系统，仅供审核您的申请。' },
  { title: '设备信息', text: '记录登录设备的型号和时间，便于您在「登录设备管理」中查看和退出。' },
];

/**
 * First-launch consent modal. On weapp the agree button uses
 * open-type="agreePrivacyAuthorization", so WeChat records the consent itself.
 */
export function PrivacyConsent(): JSX.Element | null {
  const { status, agree, decline } = usePrivacy();
  if (status !== 'required') return null;

  // The summary scrolls inside the dialog: on H5 a keyboard must be able to reach and scroll it.
  const scrollable = IS_H5 ? { role: 'region', 'aria-label': '隐私保护指引摘要', tabIndex: 0 } : {};
  const content = (
    <View className="sj-privacy__body" {...scrollable}>
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
        信息仅用于办理您发起的业务，不出售，不用于营销。您可随时下载个人信息副本、查看使用记录或注销账号。
      </Text>
      <View
        className="sj-privacy__link"
        id="privacy-notice-link"
        role="link"
        onClick={() => (IS_WEAPP ? Taro.openPrivacyContract() : goTo(ROUTES.privacyNotice))}
      >
        <Text>查看完整《穗警通隐私保护指引》（保存期限和信息接收方）</Text>
      </View>
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
    <Modal className="sj-privacy" id="privacy-consent" visible title="隐私保护指引" footer={footer}>
      {content}
    </Modal>
  );
}
