import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePrivacy } from '@/hooks/usePrivacy';
import { goTo, ROUTES } from '@/utils/navigation';
import './index.scss';

interface LoginPromptProps {
  /** Why logging in helps here, e.g. "登录后可查看您的账号信息". */
  reason: string;
}

/**
 * The logged-out call to action. Without privacy consent it asks for the
 * consent first: login collects personal data.
 */
export function LoginPrompt({ reason }: LoginPromptProps): JSX.Element {
  const { granted, review } = usePrivacy();
  return (
    <View className="sj-login-prompt" id="login-prompt">
      <Text className="sj-login-prompt__reason">{reason}</Text>
      {granted ? (
        <Button block className="sj-block-button" type="primary" id="login-entry" onClick={() => goTo(ROUTES.login)}>
          立即登录
        </Button>
      ) : (
        <>
          <Text className="sj-login-prompt__privacy">登录前请先阅读并同意《隐私保护指引》</Text>
          <Button block className="sj-block-button" type="primary" fill="outline" id="privacy-review" onClick={review}>
            查看隐私保护指引
          </Button>
        </>
      )}
    </View>
  );
}
