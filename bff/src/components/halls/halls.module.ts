import type { ApiRoutes } from '../../libraries/routes';
import { hallsRoutes } from './halls.routes';
import { HallsService, type HallsServiceDeps } from './halls.service';

/** 线下办事: the halls, their hours and slots, and the self-service places. */
export function createHallsModule({ routes, ...deps }: HallsServiceDeps & { routes: ApiRoutes }) {
  const halls = new HallsService(deps);
  hallsRoutes(routes, { halls });
  return { halls };
}
