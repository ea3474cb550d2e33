import type { BindingHistory, PersonalExport } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import type { ApplicationDocument, ApplicationModels } from '../applications/application.model';
import type { DraftDocument, DraftModels } from '../drafts/draft.model';
import type { FavoriteDocument, FavoriteModels } from '../favorites/favorite.model';
import type { MaterialDocument, MaterialModels } from '../materials/material.model';
import type { MessageDocument, MessageModels } from '../messages/message.model';
import type {
  PackageApplicationDocument,
  PackageApplicationModels,
} from '../package-applications/package-application.model';
import type { SessionDocument, SessionModels } from '../sessions/session.model';
import type { UserDocument, UserModels } from '../users/user.model';
import type { AccountDeletionService } from './account-deletion.service';
import { DATA_USE_RETENTION_DAYS, type DataUseService } from './data-use.service';
import { toPersonalExport } from './personal-export.view';

/** A guard per section: far above what one person makes, so in practice the copy is complete. */
const MAX_ROWS = 5000;

export type ExportModels = UserModels &
  SessionModels &
  DraftModels &
  FavoriteModels &
  ApplicationModels &
  PackageApplicationModels &
  MaterialModels &
  MessageModels;

export interface PersonalExportDeps {
  models: ExportModels;
  /** The verified identity in full, and the binding's history (the identity component's). */
  identity: {
    require(userId: string): Promise<{ name: string; idNumber: string; idHash: string }>;
    history(auth: AuthState): Promise<BindingHistory>;
  };
  dataUse: DataUseService;
  deletions: AccountDeletionService;
  clock: Clock;
}

/**
 * 个人信息副本 (PIPL art. 45): everything the BFF holds about the caller, in
 * one document. The route asks for a fresh in-person check first, because
 * the copy carries the phone and ID number in full.
 */
export class PersonalExportService {
  constructor(private readonly deps: PersonalExportDeps) {}

  async build(auth: AuthState): Promise<PersonalExport> {
    const { models } = this.deps;
    const { userId, sessionId } = auth;
    const user = await models.User.findById(userId).lean<UserDocument>();
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    const person = user.realName ? await this.deps.identity.require(userId) : null;
    const byUser = { userId };
    const [sessions, history, drafts, favorites, cases, packageCases, materials, messages, dataUse, deletion] =
      await Promise.all([
        models.Session.find(byUser).sort({ createdAt: -1 }).limit(MAX_ROWS).lean<SessionDocument[]>(),
        person ? this.deps.identity.history(auth) : Promise.resolve({ items: [] }),
        models.Draft.find(byUser).sort({ updatedAt: -1 }).limit(MAX_ROWS).lean<DraftDocument[]>(),
        models.Favorite.find(byUser).sort({ createdAt: -1 }).limit(MAX_ROWS).lean<FavoriteDocument[]>(),
        models.Application.find(byUser).sort({ submittedAt: -1 }).limit(MAX_ROWS).lean<ApplicationDocument[]>(),
        models.PackageApplication.find(byUser)
          .sort({ submittedAt: -1 })
          .limit(MAX_ROWS)
          .lean<PackageApplicationDocument[]>(),
        models.Material.find(byUser).sort({ uploadedAt: -1 }).limit(MAX_ROWS).lean<MaterialDocument[]>(),
        models.Message.find(byUser).sort({ createdAt: -1 }).limit(MAX_ROWS).lean<MessageDocument[]>(),
        person ? this.deps.dataUse.everything(person.idHash, sessionId) : Promise.resolve([]),
        this.deps.deletions.status(userId),
      ]);
    return toPersonalExport({
      now: this.deps.clock.now(),
      user,
      identity: person ? { name: person.name, idNumber: person.idNumber } : null,
      sessions,
      bindingHistory: history.items,
      drafts,
      favorites,
      cases,
      packageCases,
      materials,
      messages,
      dataUse,
      retentionDays: DATA_USE_RETENTION_DAYS,
      deletion,
    });
  }
}
