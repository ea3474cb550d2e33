import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { SystemClient } from '../system-client';
import { SMS_CODES, SmsSendResponseSchema } from './sms.dialect';

export interface SmsSettings {
  baseUrl: string;
  apiKey: string;
  sign: string;
  timeoutMs: number;
}

/** The SMS gateway: sends templated messages. Never retried: a repeat would send twice. */
export class SmsClient extends SystemClient {
  constructor(
    private readonly settings: SmsSettings,
    logger: Logger,
  ) {
    super(
      { name: 'sms', label: '短信服务' },
      { baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 0 },
      logger,
    );
  }

  /** Sends a login code; not retried, so a citizen never gets two different codes from one tap. */
  async sendLoginCode(mobile: string, code: string): Promise<void> {
    const answer = await this.send(mobile, 'LOGIN_CODE', { code });
    if (answer.code === SMS_CODES.OK) return;
    if (answer.code === SMS_CODES.FLOW_CONTROL) throw new AppError({ code: 'SMS_TOO_FREQUENT' });
    if (answer.code === SMS_CODES.BAD_MOBILE) {
      throw new AppError({ code: 'VALIDATION_FAILED', message: '该手机号无法接收短信，请核对后重试' });
    }
    throw this.failure(`sms gateway code ${answer.code}: ${answer.msg ?? ''}`);
  }

  /**
   * Tells a phone its identity was moved to another account (刷脸换绑). Not
   * retried (a repeat would send twice); a failure is the caller's to log.
   */
  async sendIdentityMovedNotice(mobile: string, notice: { time: string; device: string }): Promise<void> {
    const answer = await this.send(mobile, 'IDENTITY_MOVED', notice);
    if (answer.code !== SMS_CODES.OK) throw new Error(`sms gateway code ${answer.code}: ${answer.msg ?? ''}`);
  }

  /**
   * Asks a person for their consent to be acted for (家人代办): the code goes to the phone the
   * register holds for them, and they tell it to the family member only if they agree. Not retried.
   */
  async sendFamilyConsentCode(
    mobile: string,
    consent: { code: string; actor: string; relation: string },
  ): Promise<void> {
    const answer = await this.send(mobile, 'FAMILY_CONSENT', consent);
    if (answer.code === SMS_CODES.OK) return;
    if (answer.code === SMS_CODES.FLOW_CONTROL) throw new AppError({ code: 'SMS_TOO_FREQUENT' });
    throw this.failure(`sms gateway code ${answer.code}: ${answer.msg ?? ''}`);
  }

  protected override headers(): Record<string, string> {
    return { 'x-api-key': this.settings.apiKey };
  }

  private send(mobile: string, templateId: string, params: Record<string, string>) {
    return this.call({
      method: 'POST',
      path: '/sms/v1/send',
      body: { mobile, templateId, params, sign: this.settings.sign },
      safe: false,
      schema: SmsSendResponseSchema,
    });
  }
}
