import type { FamilyLinkStatus } from '@suijing/shared';
import type { FamilyLinkDocument, FamilyLinkModels } from './family-link.model';

const OPEN: FamilyLinkStatus[] = ['pending', 'active'];

function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/** Every MongoDB access of family links; an actor reaches only their own links, a member only theirs. */
export class FamilyLinksRepository {
  constructor(private readonly models: FamilyLinkModels) {}

  /** False when a link with this id exists already (a racing addition of the same member won). */
  async add(link: FamilyLinkDocument): Promise<boolean> {
    try {
      await this.models.FamilyLink.create(link);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** The actor's links that are not removed, newest first. */
  listOfActor(actorUserId: string): Promise<FamilyLinkDocument[]> {
    return this.models.FamilyLink.find({ actorUserId, status: { $ne: 'removed' } })
      .sort({ createdAt: -1 })
      .lean<FamilyLinkDocument[]>()
      .exec();
  }

  countOpenOfActor(actorUserId: string): Promise<number> {
    return this.models.FamilyLink.countDocuments({ actorUserId, status: { $in: OPEN } }).exec();
  }

  /** The open (pending or active) link between the two, if any. */
  findOpenBetween(actorUserId: string, memberIdHash: string): Promise<FamilyLinkDocument | null> {
    return this.models.FamilyLink.findOne({ actorUserId, memberIdHash, status: { $in: OPEN } })
      .lean<FamilyLinkDocument>()
      .exec();
  }

  /** How many links the two ever had (the next one is number count + 1). */
  countBetween(actorUserId: string, memberIdHash: string): Promise<number> {
    return this.models.FamilyLink.countDocuments({ actorUserId, memberIdHash }).exec();
  }

  findOfActor(actorUserId: string, id: string): Promise<FamilyLinkDocument | null> {
    return this.models.FamilyLink.findOne({ _id: id, actorUserId }).lean<FamilyLinkDocument>().exec();
  }

  findOfMember(memberIdHash: string, id: string): Promise<FamilyLinkDocument | null> {
    return this.models.FamilyLink.findOne({ _id: id, memberIdHash }).lean<FamilyLinkDocument>().exec();
  }

  /** Links where the person is the member, in the given states, newest first. */
  listOfMember(memberIdHash: string, statuses: FamilyLinkStatus[]): Promise<FamilyLinkDocument[]> {
    return this.models.FamilyLink.find({ memberIdHash, status: { $in: statuses } })
      .sort({ createdAt: -1 })
      .lean<FamilyLinkDocument[]>()
      .exec();
  }

  /** Moves a link from one of `from` to `to`: the changed link, or null when it was not in `from`. */
  transition(
    filter: { _id: string; actorUserId?: string; memberIdHash?: string },
    from: FamilyLinkStatus[],
    to: FamilyLinkStatus,
    at: Date,
    extra: Partial<Pick<FamilyLinkDocument, 'proof'>> = {},
  ): Promise<FamilyLinkDocument | null> {
    const open = OPEN.includes(to);
    const change = open
      ? { $set: { status: to, ...extra, ...(to === 'active' ? { activatedAt: at } : {}) } }
      : { $set: { status: to, endedAt: at, ...extra } };
    return this.models.FamilyLink.findOneAndUpdate({ ...filter, status: { $in: from } }, change, {
      returnDocument: 'after',
    })
      .lean<FamilyLinkDocument>()
      .exec();
  }

  /** Forgets the code of an invitation that is done with (accepted, declined, ended). */
  async dropCode(id: string): Promise<void> {
    // Only where there is an invitation: a child's link has none to set a field in.
    await this.models.FamilyLink.updateOne(
      { _id: id, 'invitation.method': { $exists: true } },
      { $set: { 'invitation.codeHash': null } },
    );
  }
}
