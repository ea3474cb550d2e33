import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { User } from '@suijing/shared';
import { loginWithSms, sendSmsCode } from '@/services/auth';
import { ApiError, messageOf } from '@/services/api-error';
import { useCountdown } from '@/hooks/useCountdown';
import { SandboxHint } from './SandboxHint';
import { digitsOnly, errorsFromApi, hasErrors, validatePhone, validateSmsForm, type SmsFormErrors } from './validate';
import './index.scss';

/** Used when the BFF's answer lacks resendAfterSeconds. */
const DEFAULT_RESEND_SECONDS = 60;

function toErrors(error: unknown): SmsFormErrors {
  return error instanceof ApiError ? errorsFromApi(error) : { form: messageOf(error) };
}

/** Phone + SMS code login (the browser build). */
export function SmsLoginForm({ onLoggedIn }: { onLoggedIn: (user: User) => void }): JSX.Element {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<SmsFormErrors>({});
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const { secondsLeft, start } = useCountdown();

  const sendCode = async (): Promise<void> => {
    const phoneError = validatePhone(phone);
    if (phoneError) {
      setErrors({ phone: phoneError });
      return;
    }
    setSending(true);
    setErrors({});
    try {
      const res = await sendSmsCode(phone);
      start(res.resendAfterSeconds > 0 ? res.resendAfterSeconds : DEFAULT_RESEND_SECONDS);
      void Taro.showToast({ title: '验证码已发送', icon: 'none' });
    } catch (error) {
      // Too frequent: the wait is the answer, so show it on the button too.
      if (error instanceof ApiError && error.code === 'SMS_TOO_FREQUENT') start(DEFAULT_RESEND_SECONDS);
      setErrors(toErrors(error));
    } finally {
      setSending(false);
    }
  };

  const submit = async (): Promise<void> => {
    const found = validateSmsForm({ phone, code });
    setErrors(found);
    if (hasErrors(found)) return;
    setSubmitting(true);
    try {
      onLoggedIn(await loginWithSms(phone, code));
    } catch (error) {
      setErrors(toErrors(error));
    } finally {
      setSubmitting(false);
    }
  };

  const sendLabel = sending ? '发送中…' : secondsLeft > 0 ? `${secondsLeft} 秒后重新获取` : '获取验证码';

  return (
    <View className="sms-form">
      <View className="sms-form__field">
        <Text className="sms-form__label">手机号</Text>
        <Input
          className="sms-form__input"
          id="phone-input"
          type="number"
          name="phone"
          placeholder="请输入 11 位手机号"
          maxLength={11}
          value={phone}
          onChange={(v) => setPhone(digitsOnly(v, 11))}
        />
        {errors.phone ? (
          <Text className="sms-form__error" id="phone-error">
            {errors.phone}
          </Text>
        ) : null}
      </View>

      <View className="sms-form__field">
        <Text className="sms-form__label">验证码</Text>
        <View className="sms-form__code-row">
          <Input
            className="sms-form__input sms-form__input--code"
            id="code-input"
            type="number"
            name="code"
            placeholder="6 位数字"
            maxLength={6}
            value={code}
            onChange={(v) => setCode(digitsOnly(v, 6))}
          />
          <Button
            className="sms-form__send"
            id="send-code"
            type="primary"
            fill="outline"
            disabled={sending || secondsLeft > 0}
            onClick={() => void sendCode()}
          >
            {sendLabel}
          </Button>
        </View>
        {errors.code ? (
          <Text className="sms-form__error" id="code-error">
            {errors.code}
          </Text>
        ) : null}
      </View>

      {errors.form ? (
        <Text className="sms-form__error sms-form__error--form" id="login-error">
          {errors.form}
        </Text>
      ) : null}

      <Button
        block
        className="sj-block-button"
        type="primary"
        id="login-submit"
        loading={submitting}
        onClick={() => void submit()}
      >
        登录
      </Button>

      {/* Both are build-time constants: production builds drop the hint entirely. */}
      {process.env.TARO_ENV === 'h5' && process.env.TARO_APP_SANDBOX_URL ? <SandboxHint phone={phone} /> : null}
    </View>
  );
}
