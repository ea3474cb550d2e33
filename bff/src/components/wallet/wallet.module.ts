import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey } from '../../libraries/crypto';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { RateLimiter } from '../../libraries/rate-limiter';
import type { ApiRoutes } from '../../libraries/routes';
import type { DataUseService } from '../privacy/data-use.service';
import type { WalletShareModels } from './wallet-share.model';
import { walletShareSealer } from './wallet-share-view';
import { WalletSharesRepository } from './wallet-shares.repository';
import { WalletSharesService } from './wallet-shares.service';
import { walletRoutes } from './wallet.routes';
import { WalletService, type WalletServiceDeps } from './wallet.service';

export interface WalletModuleDeps extends Pick<
  WalletServiceDeps,
  'identity' | 'traffic' | 'licences' | 'permits' | 'family'
> {
  routes: ApiRoutes;
  models: WalletShareModels;
  clock: Clock;
  limiter: RateLimiter;
  idempotency: IdempotencyStore;
  /** DATA_ENCRYPTION_KEY, from which the shares' seal and the item-id key are derived. */
  dataKey: string;
  dataUse: Pick<DataUseService, 'record'>;
  /** Where the H5 build is served: the verifier's page of a 出示 link. */
  publicBaseUrl: string;
  requireAuth: Middleware<AppState>;
}

/** 证照夹: my certificates from every system in one list, 出示 with scoped links, and the verifier's check. */
export function createWalletModule(deps: WalletModuleDeps): void {
  const { clock, dataKey } = deps;
  const wallet = new WalletService({
    identity: deps.identity,
    traffic: deps.traffic,
    licences: deps.licences,
    permits: deps.permits,
    family: deps.family,
    itemIdKey: deriveKey(dataKey, 'wallet-item-id'),
    clock,
  });
  const shares = new WalletSharesService({
    shares: new WalletSharesRepository(deps.models),
    wallet,
    dataUse: deps.dataUse,
    sealer: walletShareSealer(dataKey),
    limiter: deps.limiter,
    idempotency: deps.idempotency,
    publicBaseUrl: deps.publicBaseUrl,
    clock,
  });
  walletRoutes(deps.routes, { wallet, shares, requireAuth: deps.requireAuth });
}
