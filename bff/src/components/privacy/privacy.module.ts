import type { BindingHistory } from '@suijing/shared';
import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState, AuthState } from '../../libraries/context';
import type { ApiRoutes } from '../../libraries/routes';
import type { ObserveCache } from '../../libraries/ttl-cache';
import type { SessionsService } from '../sessions/sessions.service';
import { AccountClosing, type AccountClosingDeps } from './account-closing';
import type { AccountDeletionModels } from './account-deletion.model';
import { AccountDeletionService } from './account-deletion.service';
import { AccountDeletionsRepository } from './account-deletions.repository';
import type { DataUseModels } from './data-use.model';
import { DataUseRepository } from './data-use.repository';
import { DataUseService } from './data-use.service';
import { PersonalExportService, type PersonalExportDeps } from './personal-export.service';
import { privacyNotice, retentionFacts } from './privacy-notice';
import { PrivacyRepository, type PrivacyModels } from './privacy.repository';
import { privacyRoutes } from './privacy.routes';

export interface PrivacyModuleDeps {
  routes: ApiRoutes;
  models: PrivacyModels & DataUseModels & AccountDeletionModels;
  clock: Clock;
  /** REFRESH_TOKEN_TTL_DAYS, as the privacy notice states it. */
  refreshTtlDays: number;
  sessions: SessionsService;
  bindings: AccountClosingDeps['bindings'];
  /** The verified identity in full, and the binding's history (the identity component's). */
  identity: {
    require(userId: string): Promise<{ name: string; idNumber: string; idHash: string }>;
    history(auth: AuthState): Promise<BindingHistory>;
  };
  /** The address book, opened for the person's copy (the addresses component's). */
  addresses: PersonalExportDeps['addresses'];
  /** 出示记录, opened for the person's copy (the wallet component's). */
  walletShares: PersonalExportDeps['walletShares'];
  requireAuth: Middleware<AppState>;
  observeCache?: ObserveCache;
}

/** The person's rights over their data: the notice, the usage record, a full copy, and closing the account. */
export function createPrivacyModule(deps: PrivacyModuleDeps) {
  const { models, clock } = deps;
  const records = new PrivacyRepository(models);
  const deletionRequests = new AccountDeletionsRepository(models);
  const dataUse = new DataUseService({
    repository: new DataUseRepository(models),
    clock,
    cacheObserver: deps.observeCache?.('data-use'),
  });
  const deletions = new AccountDeletionService({
    deletions: deletionRequests,
    closing: new AccountClosing({
      records,
      deletions: deletionRequests,
      sessions: deps.sessions,
      bindings: deps.bindings,
    }),
    clock,
  });
  privacyRoutes(deps.routes, {
    dataUse,
    deletions,
    exporter: new PersonalExportService({
      records,
      identity: deps.identity,
      addresses: deps.addresses,
      walletShares: deps.walletShares,
      dataUse,
      deletions,
      clock,
    }),
    notice: privacyNotice(retentionFacts(models, { refreshTtlDays: deps.refreshTtlDays })),
    requireAuth: deps.requireAuth,
  });
  return { dataUse, deletions };
}
