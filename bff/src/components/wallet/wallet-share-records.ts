import type { WalletShare } from '@suijing/shared';
import type { Clock } from '../../libraries/clock';
import type { WalletShareModels } from './wallet-share.model';
import { toWalletShare, walletShareSealer } from './wallet-share-view';
import { WalletSharesRepository } from './wallet-shares.repository';

export interface WalletShareRecordsDeps {
  models: WalletShareModels;
  /** DATA_ENCRYPTION_KEY: the verifiers' names are sealed with a key derived from it. */
  dataKey: string;
  clock: Clock;
}

/**
 * 出示记录 for the holder's copy of their data (PIPL art. 45): every link still
 * kept, with who checked it. Built before the privacy component (which the
 * wallet itself records checks through), so it stands apart from the module.
 */
export class WalletShareRecords {
  private readonly shares: WalletSharesRepository;
  private readonly sealer;

  constructor(private readonly deps: WalletShareRecordsDeps) {
    this.shares = new WalletSharesRepository(deps.models);
    this.sealer = walletShareSealer(deps.dataKey);
  }

  /** At most `maxRows`, newest first. */
  async everything(userId: string, maxRows: number): Promise<WalletShare[]> {
    const now = this.deps.clock.now();
    const rows = await this.shares.listByUser(userId, now, maxRows);
    return rows.map((row) => toWalletShare(row, now, this.sealer));
  }
}
