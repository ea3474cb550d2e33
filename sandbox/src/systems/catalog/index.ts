import type { SystemFactory } from '../../core/system';
import { LEGACY_ERRORS, legacyFail } from '../../legacy/envelope';
import { buildSeed, CatalogState, type CatalogSeed } from './catalog-state';
import { catalogControlRoutes } from './control.routes';
import { readCatalogTables } from './read-tables';
import { catalogRoutes } from './routes';

/**
 * The seed is the same for every sandbox in a process (it does not depend
 * on options or the seed number), so it is read and expanded once: tests
 * build many sandboxes, and each then only serialises its own copy.
 */
let cachedSeed: CatalogSeed | undefined;
/** The expanded seed (also read by the approval system, which accepts cases for these items). */
export function catalogSeed(): CatalogSeed {
  cachedSeed ??= buildSeed(readCatalogTables());
  return cachedSeed;
}

/** The city's police service catalog (事项库): items with full guides and forms, and 一件事 packages. */
export const createCatalogSystem: SystemFactory = (kit) => {
  const state = new CatalogState(catalogSeed());
  return {
    name: 'catalog',
    prefixes: ['/catalog'],
    routes: catalogRoutes(state),
    controlRoutes: catalogControlRoutes(state, kit.clock),
    failure: () => ({ status: 500, body: legacyFail(LEGACY_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: legacyFail(LEGACY_ERRORS.BAD_MESSAGE) }),
    reset: () => state.reset(),
  };
};
