import type { ApplicationDetail, ApplicationStatus } from '@suijing/shared';
import { isDuplicateKey } from '../../libraries/database';
import type { ApplicationDocument, ApplicationModels, CaseActing } from './application.model';

/** Whose a new case is: the filing account and person, whom it is for, and (代办) how the views name them. */
export interface CaseOwner {
  userId: string;
  idHash: string;
  lookupTag: string;
  subjectIdHash: string;
  actedFor?: string;
  acting?: CaseActing;
}

export class ApplicationsRepository {
  constructor(private readonly models: ApplicationModels) {}

  /**
   * Records a new case; a repeat (the same submission answered twice) keeps the first record.
   * A lean insert: the fields are all set here, and a mongoose document of the whole view costs
   * more CPU than the rest of the insert.
   */
  async add(owner: CaseOwner, view: ApplicationDetail): Promise<void> {
    try {
      await this.models.Application.insertMany(
        [
          {
            _id: view.caseNo,
            ...owner,
            itemCode: view.itemCode,
            status: view.status,
            submittedAt: new Date(view.submittedAt),
            steps: view.timeline.length,
            view,
          },
        ],
        { lean: true },
      );
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

  /**
   * A case someone else filed for this person (当事人) as their family member: theirs to
   * follow, not to withdraw or supplement (the approval system takes those from the applicant).
   */
  findFiledFor(subjectIdHash: string, caseNo: string): Promise<ApplicationDocument | null> {
    return this.models.Application.findOne(filedFor(subjectIdHash, { _id: caseNo }))
      .lean<ApplicationDocument>()
      .exec();
  }

  /**
   * The cases of a person (当事人) newest first, whoever filed them: those filed for
   * them, and their own (older cases, recorded before 当事人 was, by the filer's hash).
   */
  async pageBySubject(
    idHash: string,
    page: number,
    pageSize: number,
  ): Promise<{ rows: ApplicationDocument[]; total: number }> {
    const query = { $or: [{ subjectIdHash: idHash }, { idHash, subjectIdHash: { $exists: false } }] };
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

  /** The account's cases and, given the person's hash, those family members filed for them; newest first. */
  async page(
    userId: string,
    filter: { status?: ApplicationStatus[] | undefined },
    page: number,
    pageSize: number,
    subjectIdHash?: string,
  ): Promise<{ rows: ApplicationDocument[]; total: number }> {
    const status = filter.status ? { status: { $in: filter.status } } : {};
    const query = subjectIdHash
      ? { $or: [{ userId, ...status }, filedFor(subjectIdHash, status)] }
      : { userId, ...status };
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

/**
 * Filed for the person by a family member (代办), narrowed by `also`. Their own cases, also
 * those of a closed account of theirs (detached, 当事人 still them), are not: those carry no actedFor.
 */
function filedFor(subjectIdHash: string, also: object): object {
  return { ...also, subjectIdHash, actedFor: { $exists: true } };
}
