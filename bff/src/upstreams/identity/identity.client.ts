import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import type { GovSettings } from '../gov-system-client';
import { UpstreamClient } from '../upstream-client';
import {
  IDENTITY_CODES,
  LicenceListResponseSchema,
  VerifyResponseSchema,
  type LicenceRecord,
} from './identity.dialect';

/** What the population register says of a name and number. */
export type VerifyOutcome =
  { matched: true; gender: 'male' | 'female'; birthDate: string; regionCode: string } | { matched: false };

/** The identity system (实名认证) and the e-licence store (电子证照) of the data-exchange platform. */
export class IdentityClient {
  readonly upstream: UpstreamClient;

  constructor(
    private readonly settings: GovSettings,
    logger: Logger,
  ) {
    this.upstream = new UpstreamClient(
      { name: 'identity', label: '实名认证服务', baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  /** A lookup with no side effects, so it may be retried. Mismatch, unknown and cancelled look alike on purpose. */
  async verify(name: string, idNumber: string): Promise<VerifyOutcome> {
    const answer = await this.upstream.call({
      method: 'POST',
      path: '/identity/v1/verify',
      headers: { 'x-app-key': this.settings.appKey },
      body: { xm: name, sfzmhm: idNumber },
      safe: true,
      schema: VerifyResponseSchema,
    });
    if (answer.code === IDENTITY_CODES.OK && answer.data) {
      return {
        matched: true,
        gender: answer.data.xb === '1' ? 'male' : 'female',
        birthDate: answer.data.csrq,
        regionCode: answer.data.hjdqh,
      };
    }
    const refusals: string[] = [
      IDENTITY_CODES.MISMATCH,
      IDENTITY_CODES.NOT_FOUND,
      IDENTITY_CODES.BAD_NUMBER,
      IDENTITY_CODES.CANCELLED,
    ];
    if (refusals.includes(answer.code)) return { matched: false };
    throw this.failure(`identity code ${answer.code}: ${answer.msg ?? ''}`);
  }

  /** Licences on file for a person, for materials that need no upload. */
  async licences(idNumber: string): Promise<LicenceRecord[]> {
    const answer = await this.upstream.call({
      method: 'GET',
      path: '/elicence/v1/licences',
      query: { sfzmhm: idNumber },
      headers: { 'x-app-key': this.settings.appKey },
      safe: true,
      schema: LicenceListResponseSchema,
    });
    if (answer.code === IDENTITY_CODES.OK && answer.data) return answer.data.list;
    throw this.failure(`e-licence code ${answer.code}: ${answer.msg ?? ''}`);
  }

  close(): Promise<void> {
    return this.upstream.close();
  }

  private failure(detail: string): AppError {
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: '实名认证服务暂时无法访问，请稍后再试',
      expose: true,
      cause: new Error(detail),
    });
  }
}
