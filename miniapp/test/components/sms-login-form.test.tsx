import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SmsLoginForm } from '@/packages/account/components/SmsLoginForm';
import { digitsOnly, validateSmsForm } from '@/packages/account/components/SmsLoginForm/validate';
import { ApiError } from '@/services/api-error';
import { loginWithSms, sendSmsCode } from '@/services/auth';
import { byId } from '../support/dom';
import { TEST_USER } from '../support/user';

jest.mock('@/services/auth', () => ({
  sendSmsCode: jest.fn(),
  loginWithSms: jest.fn(),
}));
const sendMock = jest.mocked(sendSmsCode);
const loginMock = jest.mocked(loginWithSms);

/** The native <input> inside NutUI's Input (the element E2E fills too: `#phone-input input` on H5). */
function field(id: string): HTMLInputElement {
  const el = document.getElementById(id);
  const input = el instanceof HTMLInputElement ? el : el?.querySelector('input');
  if (!input) throw new Error(`no input #${id}`);
  return input;
}
function type(id: string, value: string): void {
  fireEvent.input(field(id), { target: { value } });
}
function tap(id: string): void {
  fireEvent.click(byId(id));
}

describe('SMS login form validation', () => {
  it('when the phone number is invalid, then 获取验证码 shows a field error and sends nothing', () => {
    // Arrange
    render(<SmsLoginForm onLoggedIn={jest.fn()} />);
    type('phone-input', '1234567');

    // Act
    tap('send-code');

    // Assert
    expect(screen.getByText('请输入正确的 11 位手机号')).toBeTruthy();
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('when the code is not 6 digits, then 登录 shows a code error and does not call the BFF', () => {
    // Arrange
    render(<SmsLoginForm onLoggedIn={jest.fn()} />);
    type('phone-input', '13812341234');
    type('code-input', '123');

    // Act
    tap('login-submit');

    // Assert
    expect(document.getElementById('code-error')?.textContent).toBe('请输入 6 位数字验证码');
    expect(document.getElementById('phone-error')).toBeNull();
    expect(loginMock).not.toHaveBeenCalled();
  });

  it('when more than 11 digits are typed into the phone field, then only 11 are kept', () => {
    // Arrange
    render(<SmsLoginForm onLoggedIn={jest.fn()} />);

    // Act
    type('phone-input', '1381234123499');

    // Assert
    expect(field('phone-input').value).toBe('13812341234');
  });

  it('when a pasted number has separators, then digitsOnly keeps the digits', () => {
    // Arrange / Act
    const cleaned = digitsOnly('138-1234 1234', 11);

    // Assert
    expect(cleaned).toBe('13812341234');
  });

  it('when the pure validator gets empty fields, then it asks for each of them', () => {
    // Arrange / Act
    const errors = validateSmsForm({ phone: '', code: '' });

    // Assert
    expect(errors).toEqual({ phone: '请输入手机号', code: '请输入验证码' });
  });
});

describe('SMS login form flow', () => {
  it('when a code was sent, then the button counts down from resendAfterSeconds and is disabled', async () => {
    // Arrange
    sendMock.mockResolvedValue({ sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 });
    render(<SmsLoginForm onLoggedIn={jest.fn()} />);
    type('phone-input', '13812341234');

    // Act
    await act(async () => tap('send-code'));

    // Assert
    expect(sendMock).toHaveBeenCalledWith('13812341234');
    await waitFor(() => expect(document.getElementById('send-code')?.textContent).toContain('60 秒后重新获取'));
  });

  it('when the BFF rejects the code, then its Chinese message shows under the code field', async () => {
    // Arrange
    loginMock.mockRejectedValue(
      new ApiError({
        status: 400,
        code: 'SMS_CODE_INVALID',
        message: '验证码不正确，请核对短信后重新输入',
        requestId: 'r1',
      }),
    );
    const onLoggedIn = jest.fn();
    render(<SmsLoginForm onLoggedIn={onLoggedIn} />);
    type('phone-input', '13812341234');
    type('code-input', '654321');

    // Act
    await act(async () => tap('login-submit'));

    // Assert
    await waitFor(() =>
      expect(document.getElementById('code-error')?.textContent).toBe('验证码不正确，请核对短信后重新输入'),
    );
    expect(onLoggedIn).not.toHaveBeenCalled();
  });

  it('when phone and code are right, then the user is handed to onLoggedIn', async () => {
    // Arrange
    loginMock.mockResolvedValue(TEST_USER);
    const onLoggedIn = jest.fn();
    render(<SmsLoginForm onLoggedIn={onLoggedIn} />);
    type('phone-input', '13812341234');
    type('code-input', '123456');

    // Act
    await act(async () => tap('login-submit'));

    // Assert
    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(TEST_USER));
    expect(loginMock).toHaveBeenCalledWith('13812341234', '123456');
  });
});

describe('sandbox hint', () => {
  afterEach(() => {
    process.env.TARO_APP_SANDBOX_URL = '';
  });

  it('when the build sets TARO_APP_SANDBOX_URL, then the form links to the outbox for the typed phone', () => {
    // Arrange
    process.env.TARO_APP_SANDBOX_URL = 'http://localhost:8090/';
    render(<SmsLoginForm onLoggedIn={jest.fn()} />);

    // Act
    type('phone-input', '13812341234');

    // Assert
    expect(screen.getByText('演示环境：验证码可在沙箱短信发件箱查看')).toBeTruthy();
    expect(document.getElementById('sandbox-outbox-link')?.getAttribute('href')).toBe(
      'http://localhost:8090/sandbox/sms/outbox?phone=13812341234',
    );
  });

  it('when the build leaves it empty (production), then no hint is shown', () => {
    // Arrange / Act
    render(<SmsLoginForm onLoggedIn={jest.fn()} />);

    // Assert
    expect(document.getElementById('sandbox-hint')).toBeNull();
  });
});
