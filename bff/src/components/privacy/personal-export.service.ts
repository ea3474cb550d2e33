import type { BindingHistory, PersonalExport, WalletShare } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { AuthState } from '../../libraries/context';
import { AppError } from '../../libraries/errors';
import type { KeptAddress } from '../addresses/addresses.service';
import type { AccountDeletionService } from './account-deletion.service';
import { DATA_USE_RETENTION_DAYS, type DataUseService } from './data-use.service';
import { toPersonalExport } from './personal-export.view';
import type { PrivacyRepository } from './privacy.repository';

/** A guard per section: far above what one person makes, so in practice the copy is complete. */
const MAX_ROWS = 5000;

export interface PersonalExportDeps {
  records: PrivacyRepository;
  /** The verified identity in full, and the binding's history (the identity component's). */
  identity: {
    require(userId: string): Promise<{ name: string; idNumber: string; idHash: string }>;
    history(auth: AuthState): Promise<BindingHistory>;
  };
  /** The address book opened whole (the addresses component's: it holds the key). */
  addresses: { everything(userId: string): Promise<KeptAddress[]> };
  /** 出示记录 with the verifiers' names opened (the wallet component's: it holds the key). */
  walletShares: { everything(userId: string, maxRows: number): Promise<WalletShare[]> };
  dataUse: DataUseService;
  deletions: AccountDeletionService;
  clock: Clock;
}

/**
 * 个人信息副本 (PIPL art. 45): everything the BFF holds about the caller, in
 * one document. The route asks for a fresh in-person check first, because
 * the copy carries the phone, ID number and addresses in full.
 */
export class PersonalExportService {
  constructor(private readonly deps: PersonalExportDeps) {}

  async build(auth: AuthState): Promise<PersonalExport> {
    const { userId, sessionId } = auth;
    const user = await this.deps.records.user(userId);
    if (!user) throw new AppError({ code: 'SESSION_REVOKED' });
    const person = user.realName ? await this.deps.identity.require(userId) : null;
    const [records, familyLinks, addresses, walletShares, history, dataUse, deletion] = await Promise.all([
      this.deps.records.personalRecords(userId, MAX_ROWS),
      this.deps.records.familyLinks(userId, person?.idHash ?? null, MAX_ROWS),
      this.deps.addresses.everything(userId),
      this.deps.walletShares.everything(userId, MAX_ROWS),
      person ? this.deps.identity.history(auth) : Promise.resolve({ items: [] }),
      person ? this.deps.dataUse.everything(person.idHash, sessionId) : Promise.resolve([]),
      this.deps.deletions.status(userId),
    ]);
    return toPersonalExport({
      now: this.deps.clock.now(),
      user,
      identity: person ? { name: person.name, idNumber: person.idNumber } : null,
      ...records,
      addresses,
      familyLinks,
      walletShares,
      bindingHistory: history.items,
      dataUse,
      retentionDays: DATA_USE_RETENTION_DAYS,
      deletion,
    });
  }
}
