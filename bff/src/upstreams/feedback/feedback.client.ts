import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings, type Refused } from '../gov-system-client';
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
export class FeedbackClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'feedback', label: '好差评与诉求平台' });
  }

  /** Rates a case; the same wbbh answers the same rating, so it is safe to retry. */
  async rate(submission: RatingSubmission): Promise<{ ok: true; rating: RatingRecord } | Refused> {
    // The platform deduplicates on wbbh, so a retry cannot rate twice.
    const answer = await this.post('/feedback/v1/pj', submission, RatingResponseSchema, { safe: true });
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, rating: answer.data };
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
    return this.data(await this.post('/feedback/v1/sq', submission, RequestResponseSchema, { safe: true }), 'sq');
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
    const answer = await this.post(`/feedback/v1/sq/${encodeURIComponent(requestNo)}/pj`, body, RequestResponseSchema, {
      safe: false,
    });
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, request: answer.data };
    return this.refused(answer, [FEEDBACK_CODES.NO_REQUEST, FEEDBACK_CODES.CANNOT_RATE_REQUEST]);
  }

  async hotTopics(status?: string): Promise<{ updatedAt: string; list: HotTopicRecord[] }> {
    const page = this.data(
      await this.get('/feedback/v1/rdb', status ? { zt: status } : {}, HotTopicListResponseSchema),
      'rdb',
    );
    return { updatedAt: page.gxsj, list: page.list };
  }
}
