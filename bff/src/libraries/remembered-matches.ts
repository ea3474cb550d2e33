import type Router from '@koa/router';

/** Paths whose matches are kept per router (the most recent first to stay). */
const REMEMBERED_PATHS = 5_000;
/** Longer paths are matched afresh each time: a few thousand long made-up paths must not fill memory. */
const LONGEST_REMEMBERED_PATH = 200;

/** `map.set`, dropping the oldest entry first when `map` holds `max` already (Maps iterate oldest first). */
export function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

/**
 * Makes `router` remember which routes a path and method match. @koa/router
 * tests every route's regular expression in turn, and each request is matched
 * twice (allowedMethods, then the dispatch): with ~130 routes that scan was a
 * tenth of a `GET /me`. Every route is registered before the app answers, so a
 * remembered match stays right.
 */
export function rememberMatches<StateT>(router: Router<StateT>): void {
  const matchAfresh = router.match.bind(router);
  const known = new Map<string, ReturnType<typeof matchAfresh>>();
  router.match = (path, method) => {
    if (path.length > LONGEST_REMEMBERED_PATH) return matchAfresh(path, method);
    const key = `${method} ${path}`;
    let found = known.get(key);
    if (!found) {
      found = matchAfresh(path, method);
      setBounded(known, key, found, REMEMBERED_PATHS);
    }
    // A copy of `path`: the dispatch appends a later router's layers to the array it is given.
    return { path: [...found.path], pathAndMethod: found.pathAndMethod, route: found.route };
  };
}
