import type Router from '@koa/router';

/** Keys remembered (the most recent first to stay). */
const REMEMBERED_KEYS = 5_000;
/** Longer keys are worked out afresh each time: a few thousand long made-up paths must not fill memory. */
const LONGEST_REMEMBERED_KEY = 200;

/**
 * `compute`, remembered per key for the most recent keys; for what never changes
 * once the app answers, such as what a path matches. Bounded, because keys come
 * from request paths anyone can make up.
 */
export function rememberedPerKey<V>(compute: (key: string) => V): (key: string) => V {
  const known = new Map<string, V>();
  return (key) => {
    if (key.length > LONGEST_REMEMBERED_KEY) return compute(key);
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      // Maps iterate oldest first: the oldest goes when the map is full.
      if (known.size >= REMEMBERED_KEYS) known.delete(known.keys().next().value as string);
      known.set(key, value);
    }
    return value;
  };
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
  const match = rememberedPerKey((key) => {
    const space = key.indexOf(' ');
    return matchAfresh(key.slice(space + 1), key.slice(0, space));
  });
  router.match = (path, method) => {
    const found = match(`${method} ${path}`);
    // A copy of `path`: the dispatch appends a later router's layers to the array it is given.
    return { path: [...found.path], pathAndMethod: found.pathAndMethod, route: found.route };
  };
}
