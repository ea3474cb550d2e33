import type { z } from 'zod';
import { systemClock, type Clock } from '../../libraries/clock';
import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import type { InPersonOutcome } from '../in-person';
import { SystemClient } from '../system-client';
import {
  ApplyPackageSchema,
  CTID_AUTH_MODE_FACE,
  CTID_ERROR_CODES,
  CtidEnvelopeSchema,
  ResultPackageSchema,
  ctidOutcomeOf,
  ctidSign,
  ctidTimeStamp,
  isCtidSignature,
} from './ctid.dialect';

export interface CtidSettings {
  baseUrl: string;
  appId: string;
  appSecret: string;
  timeoutMs: number;
}

/**
 * The 网证 platform's authorisation (实人 in the browser build): start a request
 * for a name and number, send the person to its page (or show its QR), read
 * the signed result. Every answer's signature is checked before it is
 * believed, so a pass (and its time) cannot be forged on the way.
 */
export class CtidClient extends SystemClient {
  constructor(
    private readonly settings: CtidSettings,
    logger: Logger,
    /** Stamps our requests; the platform refuses stamps far from its clock. */
    private readonly clock: Clock = systemClock,
  ) {
    super(
      { name: 'ctid', label: '网证认证平台' },
      { baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  /** Creates the request at the platform, so it is not retried; bizSerialNo must be new each time. */
  async startAuthorisation(request: {
    bizSerialNo: string;
    name: string;
    idNumber: string;
    returnUrl?: string | undefined;
  }): Promise<{ requestId: string; authUrl: string; qrContent: string; expiresInSeconds: number }> {
    const answer = await this.signedCall('/ctid/v1/auth/apply', ApplyPackageSchema, false, {
      bizSerialNum: request.bizSerialNo,
      authMode: CTID_AUTH_MODE_FACE,
      sfxx: { xm: request.name, gmsfhm: request.idNumber },
      ...(request.returnUrl ? { returnUrl: request.returnUrl } : {}),
    });
    if (!answer.success) {
      if (answer.errorCode === CTID_ERROR_CODES.BAD_ID_NUMBER) {
        throw new AppError({
          code: 'VALIDATION_FAILED',
          message: '身份证号码格式不正确，请核对后重试',
          fields: [{ path: 'idNumber', message: '身份证号码格式不正确' }],
        });
      }
      throw this.failure(`ctid apply ${answer.errorCode}`);
    }
    if (answer.bizSerialNum !== request.bizSerialNo) throw this.failure('ctid apply answered for another serial');
    return {
      requestId: answer.businessSerialNumber,
      authUrl: answer.authUrl,
      qrContent: answer.qrCode,
      expiresInSeconds: answer.expiresIn,
    };
  }

  /**
   * The outcome of a request: pending until the person answers, then passed (with the platform's
   * result time) or failed, once: the platform forgets the request after a final answer.
   */
  async result(request: { requestId: string; bizSerialNo: string }): Promise<InPersonOutcome> {
    const answer = await this.signedCall('/ctid/v1/auth/result', ResultPackageSchema, true, {
      bizSerialNum: request.bizSerialNo,
      businessSerialNumber: request.requestId,
    });
    if (!answer.success) {
      // Unknown, already read, or not this serial's: nothing that could pass.
      if (answer.errorCode === CTID_ERROR_CODES.NO_SUCH_REQUEST) return { kind: 'failed', reason: 'other' };
      throw this.failure(`ctid result ${answer.errorCode}`);
    }
    if (answer.businessSerialNumber !== request.requestId || answer.bizSerialNum !== request.bizSerialNo) {
      throw this.failure('ctid result answered for another request');
    }
    return ctidOutcomeOf(answer);
  }

  /**
   * One signed call. The answer's package is believed only with a good signature; a refusal may come
   * unsigned (the platform does not sign for a caller it could not authenticate), and is only ever a failure.
   */
  private async signedCall<S extends typeof ApplyPackageSchema | typeof ResultPackageSchema>(
    path: string,
    schema: S,
    safe: boolean,
    fields: Record<string, unknown>,
  ): Promise<z.output<S>> {
    const bizPackage = JSON.stringify({
      appId: this.settings.appId,
      timeStamp: ctidTimeStamp(this.clock.now()),
      ...fields,
    });
    const envelope = await this.call({
      method: 'POST',
      path,
      body: { bizPackage, sign: ctidSign(this.settings.appSecret, bizPackage) },
      safe,
      schema: CtidEnvelopeSchema,
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(envelope.bizPackage);
    } catch (error) {
      throw this.failure('ctid bizPackage is not JSON', error);
    }
    const answer = schema.safeParse(parsed);
    if (!answer.success) throw this.failure('ctid unexpected bizPackage', answer.error);
    const signed = isCtidSignature(this.settings.appSecret, envelope.bizPackage, envelope.sign);
    if (answer.data.success && !signed) throw this.failure('ctid answer signature does not match');
    return answer.data as z.output<S>;
  }
}
