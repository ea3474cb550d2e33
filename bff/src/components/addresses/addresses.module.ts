import type { Middleware } from 'koa';
import type { Clock } from '../../libraries/clock';
import type { AppState } from '../../libraries/context';
import { deriveKey, Sealer } from '../../libraries/crypto';
import type { IdempotencyStore } from '../../libraries/idempotency';
import type { ApiRoutes } from '../../libraries/routes';
import type { AddressModels } from './address.model';
import { AddressesRepository } from './addresses.repository';
import { addressesRoutes } from './addresses.routes';
import { AddressesService } from './addresses.service';

export interface AddressesModuleDeps {
  routes: ApiRoutes;
  models: AddressModels;
  clock: Clock;
  idempotency: IdempotencyStore;
  /** DATA_ENCRYPTION_KEY, from which the book's sealing key is derived. */
  dataKey: string;
  requireAuth: Middleware<AppState>;
}

/** 收件地址簿: where results sent by post go. */
export function createAddressesModule({
  routes,
  models,
  clock,
  idempotency,
  dataKey,
  requireAuth,
}: AddressesModuleDeps) {
  const addresses = new AddressesService({
    addresses: new AddressesRepository(models),
    sealer: new Sealer(deriveKey(dataKey, 'address-book')),
    idempotency,
    clock,
  });
  addressesRoutes(routes, { addresses, requireAuth });
  return { addresses };
}
