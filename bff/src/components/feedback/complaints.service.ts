import type { ComplaintDetail, ComplaintList, ComplaintRatingRequest, ComplaintRequest } from '@suijing/shared';
import { AppError } from '../../libraries/errors';
import { requestHash, type IdempotencyStore, type StoredResponse } from '../../libraries/idempotency';
import type { FeedbackClient } from '../../upstreams/feedback/feedback.client';
import { contactPhone } from '../applications/applicant';
import type { ApplicationsRepository } from '../applications/applications.repository';
import type { IdentityService } from '../identity/identity.service';
import type { MaterialsService } from '../materials/materials.service';
import type { UsersRepository } from '../users/users.repository';

export interface ComplaintsDeps {
  feedback: FeedbackClient;
  identity: IdentityService;
  materials: MaterialsService;
  cases: ApplicationsRepository;
  idempotency: IdempotencyStore;
  /** The account's own phone, for a request that leaves the contact phone to it. */
  users: Pick<UsersRepository, 'findById'>;
}

/**
 * 诉求: a complaint or suggestion filed into the 12345 loop (接 答 派 办 评)
 * once per Idempotency-Key, followed through its stages, and rated when handled.
 * Photos are the citizen's own uploads; a case it is about must be theirs.
 */
export class ComplaintsService {
  constructor(private readonly deps: ComplaintsDeps) {}

  async create(
    userId: string,
    idempotencyKey: string,
    request: ComplaintRequest,
  ): Promise<StoredResponse<ComplaintDetail>> {
    const me = await this.deps.identity.require(userId);
    const photos = await Promise.all(
      request.photos.map(async (id) => (await this.deps.materials.own(userId, id)).fileId),
    );
    if (request.caseNo && !(await this.deps.cases.findOwn(userId, request.caseNo))) {
      throw new AppError({ code: 'CASE_NOT_FOUND' });
    }
    const account = request.phone ? null : ((await this.deps.users.findById(userId))?.phone ?? null);
    const phone = contactPhone(request.phone, account);
    return this.deps.idempotency.run(
      `complaints:${userId}`,
      idempotencyKey,
      requestHash(request),
      async (requestNo) => {
        const complaint = await this.deps.feedback.submitComplaint({
          requestNo,
          kind: request.kind,
          category: request.category,
          title: request.title,
          content: request.content,
          photos,
          idNumber: me.idNumber,
          name: me.name,
          phone,
          ...(request.caseNo ? { caseNo: request.caseNo } : {}),
        });
        return { status: 201, body: complaint };
      },
    );
  }

  async list(userId: string): Promise<ComplaintList> {
    const me = await this.deps.identity.require(userId);
    return { items: await this.deps.feedback.complaints(me.idNumber) };
  }

  async get(userId: string, id: string): Promise<ComplaintDetail> {
    const me = await this.deps.identity.require(userId);
    const complaint = await this.deps.feedback.complaint(id, me.idNumber);
    if (!complaint) throw new AppError({ code: 'COMPLAINT_NOT_FOUND' });
    return complaint;
  }

  async rate(userId: string, id: string, request: ComplaintRatingRequest): Promise<ComplaintDetail> {
    const me = await this.deps.identity.require(userId);
    const outcome = await this.deps.feedback.rateComplaint(id, me.idNumber, request);
    if (outcome.ok) return outcome.complaint;
    if (outcome.reason === 'not-found') throw new AppError({ code: 'COMPLAINT_NOT_FOUND' });
    throw new AppError({ code: 'COMPLAINT_STATE_CONFLICT' });
  }
}
