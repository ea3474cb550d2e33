import type { ApplicationDetail, ApplicationStatus } from '@suijing/shared';
import { isDuplicateKey } from '../../libraries/database';
import type { ApplicationDocument, ApplicationModels } from './application.model';

export class ApplicationsRepository {
  constructor(private readonly models: ApplicationModels) {}

  /** Records a new case; a repeat (the same submission answered twice) keeps the first record. */
  async add(owner: { userId: string; idHash: string; lookupTag: string }, view: ApplicationDetail): Promise<void> {
    try {
      await this.models.Application.create({
        _id: view.caseNo,
        ...owner,
        itemCode: view.itemCode,
        status: view.status,
        submittedAt: new Date(view.submittedAt),
        steps: view.timeline.length,
        view,
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Stores a newer view; an older one (a late or repeated event) changes nothing. */
  async update(view: ApplicationDetail): Promise<ApplicationDocument | null> {
    await this.models.Application.updateOne(
      { _id: view.caseNo, steps: { $lte: view.timeline.length } },
      { $set: { status: view.status, steps: view.timeline.length, view } },
    );
    return this.find(view.caseNo);
  }

  find(caseNo: string): Promise<ApplicationDocument | null> {
    return this.models.Application.findById(caseNo).lean<ApplicationDocument>().exec();
  }

  /** The user's own case, or null, also when the number is someone else's. */
  findOwn(userId: string, caseNo: string): Promise<ApplicationDocument | null> {
    return this.models.Application.findOne({ _id: caseNo, userId }).lean<ApplicationDocument>().exec();
  }

  async page(
    userId: string,
    filter: { status?: ApplicationStatus[] | undefined },
    page: number,
    pageSize: number,
  ): Promise<{ rows: ApplicationDocument[]; total: number }> {
    const query = { userId, ...(filter.status ? { status: { $in: filter.status } } : {}) };
    const [rows, total] = await Promise.all([
      this.models.Application.find(query)
        .sort({ submittedAt: -1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<ApplicationDocument[]>()
        .exec(),
      this.models.Application.countDocuments(query).exec(),
    ]);
    return { rows, total };
  }
}
