import type { ComplaintDetail, ComplaintRatingRequest, ComplaintSummary, HotTopic, Rating } from '@suijing/shared';
import type { Logger } from '../../libraries/logger';
import { GovSystemClient, LEGACY_OK, type GovSettings } from '../gov-system-client';
import {
  FEEDBACK_CODES,
  HotTopicListResponseSchema,
  RatingResponseSchema,
  RequestListResponseSchema,
  RequestResponseSchema,
} from './feedback.dialect';
import {
  COMPLAINT_RATING_REFUSALS,
  RATING_REFUSALS,
  TOPIC_STATUS_CODES,
  toComplaintDetail,
  toComplaintSubmission,
  toComplaintSummary,
  toHotTopic,
  toRating,
  toRatingSubmission,
} from './feedback.mapping';
import type {
  ComplaintRatingRefusalReason,
  ComplaintSubmission,
  FeedbackRefusal,
  RatingRefusalReason,
  RatingSubmission,
} from './feedback.types';

/** The feedback platform: 好差评, the 12345 request loop and the hot board, answering in our words. */
export class FeedbackClient extends GovSystemClient {
  constructor(settings: GovSettings, logger: Logger) {
    super(settings, logger, { name: 'feedback', label: '好差评与诉求平台' });
  }

  /** Rates a case; the same request number answers the same rating, so it is safe to retry. */
  async rate(
    submission: RatingSubmission,
  ): Promise<{ ok: true; rating: Rating } | FeedbackRefusal<RatingRefusalReason>> {
    // The platform deduplicates on the request number (wbbh), so a retry cannot rate twice.
    const answer = await this.post('/feedback/v1/pj', toRatingSubmission(submission), RatingResponseSchema, {
      safe: true,
    });
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, rating: toRating(answer.data) };
    return { ok: false, reason: this.refusedFor(answer, RATING_REFUSALS) };
  }

  async rating(caseNo: string, idNumber: string): Promise<Rating | null> {
    const answer = await this.get(
      `/feedback/v1/pj/${encodeURIComponent(caseNo)}`,
      { sfzmhm: idNumber },
      RatingResponseSchema,
    );
    if (answer.code === FEEDBACK_CODES.NO_RATING) return null;
    return toRating(this.data(answer, 'pj'));
  }

  /** Files a complaint or suggestion once per request number. */
  async submitComplaint(submission: ComplaintSubmission): Promise<ComplaintDetail> {
    const answer = await this.post('/feedback/v1/sq', toComplaintSubmission(submission), RequestResponseSchema, {
      safe: true,
    });
    return toComplaintDetail(this.data(answer, 'sq'));
  }

  async complaints(idNumber: string): Promise<ComplaintSummary[]> {
    const page = this.data(await this.get('/feedback/v1/sq', { sfzmhm: idNumber }, RequestListResponseSchema), 'sq');
    return page.list.map(toComplaintSummary);
  }

  async complaint(id: string, idNumber: string): Promise<ComplaintDetail | null> {
    const answer = await this.get(
      `/feedback/v1/sq/${encodeURIComponent(id)}`,
      { sfzmhm: idNumber },
      RequestResponseSchema,
    );
    if (answer.code === FEEDBACK_CODES.NO_REQUEST) return null;
    return toComplaintDetail(this.data(answer, 'sq'));
  }

  /** Rating the handling happens once: a repeat is refused, so it is not retried blindly. */
  async rateComplaint(
    id: string,
    idNumber: string,
    rating: ComplaintRatingRequest,
  ): Promise<{ ok: true; complaint: ComplaintDetail } | FeedbackRefusal<ComplaintRatingRefusalReason>> {
    const answer = await this.post(
      `/feedback/v1/sq/${encodeURIComponent(id)}/pj`,
      { sfzmhm: idNumber, myd: String(rating.level), pjnr: rating.comment },
      RequestResponseSchema,
      { safe: false },
    );
    if (answer.code === LEGACY_OK && answer.data) return { ok: true, complaint: toComplaintDetail(answer.data) };
    return { ok: false, reason: this.refusedFor(answer, COMPLAINT_RATING_REFUSALS) };
  }

  /** The hot board, all of it or the topics of one status. */
  async hotTopics(status?: HotTopic['status']): Promise<HotTopic[]> {
    const page = this.data(
      await this.get('/feedback/v1/rdb', status ? { zt: TOPIC_STATUS_CODES[status] } : {}, HotTopicListResponseSchema),
      'rdb',
    );
    return page.list.map(toHotTopic);
  }
}
