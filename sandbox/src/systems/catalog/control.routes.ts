import Router from '@koa/router';
import type { SandboxClock } from '../../core/clock';
import { controlError } from '../../control/reply';
import { bodyRecord } from '../../core/input';
import { toCompactDateTime } from '../../legacy/dates';
import type { CatalogState } from './catalog-state';

/**
 * Sandbox-only, mounted under /sandbox/catalog (what the catalog's staff
 * console would do, so tests can watch the BFF pick up a new version):
 * POST /publish {sxbm?, sxmc?} -> {bbh, fbsj, item?, packages}: renames the item when both are given,
 *                                  touches its gxsj when only sxbm is, and always publishes a new version
 * GET  /stats                  -> {bbh, fbsj, items, packages, publications, byPoliceType}
 */
export function catalogControlRoutes(state: CatalogState, clock: SandboxClock): Router {
  const router = new Router();

  router.post('/publish', (ctx) => {
    const { sxbm, sxmc } = bodyRecord(ctx.request.body);
    if (sxbm !== undefined && typeof sxbm !== 'string') {
      return controlError(ctx, 400, 'BAD_REQUEST', 'sxbm must be a string');
    }
    if (sxmc !== undefined && (typeof sxmc !== 'string' || sxmc.trim() === '' || sxmc.length > 100)) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'sxmc must be a non-empty string of at most 100 characters');
    }
    if (sxmc !== undefined && sxbm === undefined) {
      return controlError(ctx, 400, 'BAD_REQUEST', 'sxmc needs the sxbm of the item to rename');
    }
    const rename = sxbm === undefined ? undefined : { sxbm, ...(sxmc === undefined ? {} : { sxmc }) };
    const published = state.publish(toCompactDateTime(clock.now()), rename);
    if (!published) return controlError(ctx, 404, 'NOT_FOUND', `no item ${String(sxbm)}`);
    ctx.body = published;
  });

  router.get('/stats', (ctx) => {
    const byPoliceType: Record<string, number> = {};
    for (const code of state.items.allCodes()) {
      const item = state.items.read(code);
      if (item) byPoliceType[item.jzdm] = (byPoliceType[item.jzdm] ?? 0) + 1;
    }
    ctx.body = {
      ...state.version,
      items: state.items.size,
      packages: state.packages.size,
      publications: state.publicationCount,
      byPoliceType,
    };
  });

  return router;
}
