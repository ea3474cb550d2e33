import { View, Text } from '@tarojs/components';
import { ActionButton } from '@/components/ActionButton';
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
        <ActionButton block className="sj-block-button" id="login-entry" onClick={() => goTo(ROUTES.login)}>
          立即登录
        </ActionButton>
      ) : (
        <>
          <Text className="sj-login-prompt__privacy">登录前请先阅读并同意《隐私保护指引》</Text>
          <ActionButton block className="sj-block-button" look="outline" id="privacy-review" onClick={review}>
            查看隐私保护指引
          </ActionButton>
        </>
      )}
    </View>
  );
}
