import type { Logger } from '../../libraries/logger';
import type { ApiRoutes } from '../../libraries/routes';
import { hallsRoutes } from './halls.routes';
import { HallsService, type HallsServiceDeps } from './halls.service';
import type { SlotInvalidationModel } from './slot-invalidation.model';
import { SlotInvalidations } from './slot-invalidations';

export interface HallsModuleDeps extends HallsServiceDeps {
  routes: ApiRoutes;
  models: { SlotInvalidation: SlotInvalidationModel };
  logger: Logger;
}

/**
 * 线下办事: the halls, their hours and slots, and the self-service places.
 * `slotChanges` tells every instance that a day's places changed (bookings
 * call it); the app starts and stops its poll with its other jobs.
 */
export function createHallsModule({ routes, models, logger, ...deps }: HallsModuleDeps) {
  const halls = new HallsService(deps);
  const slotChanges = new SlotInvalidations({
    model: models.SlotInvalidation,
    clock: deps.clock,
    logger,
    drop: (change) => halls.dropSlots(change),
  });
  hallsRoutes(routes, { halls });
  return { halls, slotChanges };
}
