import { AppError } from '../../libraries/errors';
import type { Logger } from '../../libraries/logger';
import { UpstreamClient } from '../upstream-client';
import {
  FEEDBACK_CODES,
  HotTopicListResponseSchema,
  RatingResponseSchema,
  RequestListResponseSchema,
  RequestResponseSchema,
  type HotTopicRecord,
  type RatingRecord,
  type RequestRecord,
} from './feedback.dialect';

export interface FeedbackSettings {
  baseUrl: string;
  appKey: string;
  timeoutMs: number;
}

export type Refused = { ok: false; code: string; message: string };

export interface RatingSubmission {
  wbbh: string;
  bjbh: string;
  sfzmhm: string;
  pjdj: string;
  fx: { bsxl: string; znjqd: string; bjd: string; ptczx: string };
  pjnr: string;
}

export interface RequestSubmission {
  wbbh: string;
  lx: 'ts' | 'jy';
  lb: string;
  bt: string;
  nr: string;
  tp: string[];
  sfzmhm: string;
  xm: string;
  sjhm: string;
  bjbh?: string;
}

/** The feedback platform: 好差评, the 12345 request loop and the hot board. */
export class FeedbackClient {
  readonly upstream: UpstreamClient;

  constructor(
    private readonly settings: FeedbackSettings,
    logger: Logger,
  ) {
    this.upstream = new UpstreamClient(
      {
        name: 'feedback',
        label: '好差评与诉求平台',
        baseUrl: settings.baseUrl,
        timeoutMs: settings.timeoutMs,
        retries: 1,
      },
      logger,
    );
  }

  /** Rates a case; the same wbbh answers the same rating, so it is safe to retry. */
  async rate(submission: RatingSubmission): Promise<{ ok: true; rating: RatingRecord } | Refused> {
    const answer = await this.post('/feedback/v1/pj', submission, RatingResponseSchema);
    if (answer.code === FEEDBACK_CODES.OK && answer.data) return { ok: true, rating: answer.data };
    return this.refused(answer, [
      FEEDBACK_CODES.ALREADY_RATED,
      FEEDBACK_CODES.COMMENT_REQUIRED,
      FEEDBACK_CODES.NOT_FINISHED,
      FEEDBACK_CODES.NOT_APPLICANT,
    ]);
  }

  async rating(caseNo: string, idNumber: string): Promise<RatingRecord | null> {
    const answer = await this.get(
      `/feedback/v1/pj/${encodeURIComponent(caseNo)}`,
      { sfzmhm: idNumber },
      RatingResponseSchema,
    );
    if (answer.code === FEEDBACK_CODES.NO_RATING) return null;
    return this.data(answer, 'pj');
  }

  /** Files a request once per wbbh. */
  async submitRequest(submission: RequestSubmission): Promise<RequestRecord> {
    return this.data(await this.post('/feedback/v1/sq', submission, RequestResponseSchema), 'sq');
  }

  async requests(idNumber: string): Promise<RequestRecord[]> {
    return this.data(await this.get('/feedback/v1/sq', { sfzmhm: idNumber }, RequestListResponseSchema), 'sq').list;
  }

  async request(requestNo: string, idNumber: string): Promise<RequestRecord | null> {
    const answer = await this.get(
      `/feedback/v1/sq/${encodeURIComponent(requestNo)}`,
      { sfzmhm: idNumber },
      RequestResponseSchema,
    );
    if (answer.code === FEEDBACK_CODES.NO_REQUEST) return null;
    return this.data(answer, 'sq');
  }

  /** Rating the handling happens once: a repeat is refused (7102), so it is not retried blindly. */
  async rateRequest(
    requestNo: string,
    body: { sfzmhm: string; myd: string; pjnr: string },
  ): Promise<{ ok: true; request: RequestRecord } | Refused> {
    const answer = await this.upstream.call({
      method: 'POST',
      path: `/feedback/v1/sq/${encodeURIComponent(requestNo)}/pj`,
      body,
      headers: this.headers(),
      safe: false,
      schema: RequestResponseSchema,
    });
    if (answer.code === FEEDBACK_CODES.OK && answer.data) return { ok: true, request: answer.data };
    return this.refused(answer, [FEEDBACK_CODES.NO_REQUEST, FEEDBACK_CODES.CANNOT_RATE_REQUEST]);
  }

  async hotTopics(status?: string): Promise<{ updatedAt: string; list: HotTopicRecord[] }> {
    const page = this.data(
      await this.get('/feedback/v1/rdb', status ? { zt: status } : {}, HotTopicListResponseSchema),
      'rdb',
    );
    return { updatedAt: page.gxsj, list: page.list };
  }

  close(): Promise<void> {
    return this.upstream.close();
  }

  private get<S extends Parameters<UpstreamClient['call']>[0]['schema']>(
    path: string,
    query: Record<string, string>,
    schema: S,
  ) {
    return this.upstream.call({ method: 'GET', path, query, headers: this.headers(), safe: true, schema });
  }

  // Submissions carry a wbbh the platform deduplicates on, so a retry cannot file twice.
  private post<S extends Parameters<UpstreamClient['call']>[0]['schema']>(path: string, body: unknown, schema: S) {
    return this.upstream.call({ method: 'POST', path, body, headers: this.headers(), safe: true, schema });
  }

  private headers(): Record<string, string> {
    return { 'x-app-key': this.settings.appKey };
  }

  private data<T>(answer: { code: string; msg?: string; data?: T | null }, what: string): T {
    if (answer.code === FEEDBACK_CODES.OK && answer.data) return answer.data;
    throw this.failure(`feedback ${what} code ${answer.code}: ${answer.msg ?? ''}`);
  }

  private refused(answer: { code: string; msg?: string }, expected: readonly string[]): Refused {
    if (!expected.includes(answer.code)) throw this.failure(`feedback code ${answer.code}: ${answer.msg ?? ''}`);
    return { ok: false, code: answer.code, message: (answer.msg ?? '').trim() };
  }

  private failure(detail: string): AppError {
    return new AppError({
      code: 'UPSTREAM_UNAVAILABLE',
      message: '好差评与诉求平台暂时无法访问，请稍后再试',
      expose: true,
      cause: new Error(detail),
    });
  }
}
