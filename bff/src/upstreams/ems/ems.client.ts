import type { Config } from '../../config';
import type { Logger } from '../../libraries/logger';
import { SystemClient } from '../system-client';
import { EMS_ERROR_CODES, EMS_GATEWAY_PATH, TraceAnswerSchema, gatewayForm } from './ems.dialect';
import { toParcelSteps } from './ems.mapping';
import type { EmsPort, ParcelStep } from './ems.types';

/** EMS (中国邮政速递物流): where a certificate sent by post is on its way, in our words. */
export class EmsClient extends SystemClient implements EmsPort {
  constructor(
    private readonly settings: Config['ems'],
    logger: Logger,
  ) {
    super(
      { name: 'ems', label: 'EMS邮件查询' },
      { baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, retries: 1 },
      logger,
    );
  }

  /** A query changes nothing at EMS, so it is retried. */
  async track(mailNo: string): Promise<ParcelStep[] | undefined> {
    const form = gatewayForm('TRACEQUERY', { waybill_no: mailNo }, this.settings);
    const answer = await this.call({
      method: 'POST',
      path: EMS_GATEWAY_PATH,
      rawBody: { bytes: Buffer.from(form, 'utf8'), contentType: 'application/x-www-form-urlencoded; charset=utf-8' },
      safe: true,
      schema: TraceAnswerSchema,
    });
    if (answer.success) return toParcelSteps(answer.traces ?? []);
    if (answer.errorCode === EMS_ERROR_CODES.NO_SUCH_MAIL) return undefined;
    throw this.failure(`ems TRACEQUERY ${answer.errorCode ?? '?'}`);
  }
}
