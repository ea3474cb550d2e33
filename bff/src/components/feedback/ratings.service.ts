import { createHash } from 'node:crypto';
import type { ApplicationStatus, Rating, RatingRequest } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import { requestHash, type StoredResponse } from '../../libraries/idempotency';
import type { FeedbackClient } from '../../upstreams/feedback/feedback.client';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { ApplicationsService } from '../applications/applications.service';
import type { IdentityService } from '../identity/identity.service';

/** A case can be rated once it is decided (准予/不予许可) or delivered. */
const FINISHED: readonly ApplicationStatus[] = ['approved', 'rejected', 'delivered'];

export interface RatingsDeps {
  feedback: FeedbackClient;
  applications: ApplicationsService;
  cases: ApplicationsRepository;
  identity: IdentityService;
}

/**
 * 好差评: one rating per finished case of mine (一事一评). The same rating
 * sent again (a retry) answers the same; a different second one is 409.
 * A bad review carries its follow-up (核实, 整改, 回访) as the platform reports it.
 */
export class RatingsService {
  constructor(private readonly deps: RatingsDeps) {}

  async rate(userId: string, caseNo: string, request: RatingRequest): Promise<StoredResponse<Rating>> {
    // Fresh from the approval system (404 when the case is not mine), so a just-finished case can be rated.
    const view = await this.deps.applications.detail(userId, caseNo);
    if (!FINISHED.includes(view.status)) throw new AppError({ code: 'RATING_NOT_ALLOWED' });
    const me = await this.deps.identity.require(userId);
    // The platform deduplicates on the request number: the same rating of the same case is the same submission.
    const requestNo = `PJ${createHash('sha256')
      .update(`${caseNo}:${requestHash(request)}`)
      .digest('hex')
      .slice(0, 30)}`;
    const outcome = await this.deps.feedback.rate({ requestNo, caseNo, idNumber: me.idNumber, rating: request });
    if (outcome.ok) return { status: 201, body: outcome.rating };
    switch (outcome.reason) {
      case 'already-rated':
        throw new AppError({ code: 'ALREADY_RATED' });
      case 'comment-required':
        throw new AppError({
          code: 'VALIDATION_FAILED',
          fields: [{ path: 'comment', message: '差评请写明原因（至少 5 个字），以便核实整改' }],
        });
      case 'not-finished':
        throw new AppError({ code: 'RATING_NOT_ALLOWED' });
      case 'not-applicant':
        throw new AppError({ code: 'CASE_NOT_FOUND' });
    }
  }

  async get(userId: string, caseNo: string): Promise<Rating> {
    if (!(await this.deps.cases.findOwn(userId, caseNo))) throw new AppError({ code: 'CASE_NOT_FOUND' });
    const me = await this.deps.identity.require(userId);
    const rating = await this.deps.feedback.rating(caseNo, me.idNumber);
    if (!rating) throw new AppError({ code: 'RATING_NOT_FOUND' });
    return rating;
  }
}
