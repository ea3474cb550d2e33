import type { IdentityCheckDocument, IdentityCheckModels } from './identity-check.model';

/** In-person checks in progress (sealed name and number), each read once by the session that started it. */
export class IdentityChecksRepository {
  constructor(private readonly models: IdentityCheckModels) {}

  async start(check: IdentityCheckDocument): Promise<void> {
    await this.models.IdentityCheck.create(check);
  }

  /** The check if this session of this user started it; null otherwise. */
  findForSession(checkId: string, userId: string, sessionId: string): Promise<IdentityCheckDocument | null> {
    return this.models.IdentityCheck.findOne({ _id: checkId, userId, sessionId }).lean<IdentityCheckDocument>().exec();
  }

  async remove(checkId: string): Promise<void> {
    await this.models.IdentityCheck.deleteOne({ _id: checkId });
  }
}
