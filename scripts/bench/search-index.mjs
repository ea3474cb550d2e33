// Builds the search index the way a BFF does at start and on a catalog version change, from the
// sandbox's seed catalog, and prints how long it took and the memory it holds (node --expose-gc).
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from '../lib.mjs';

const require = createRequire(import.meta.url);
const { catalogSeed } = require(path.join(ROOT, 'sandbox/dist/systems/catalog/index.js'));
const { Catalog } = require(path.join(ROOT, 'bff/dist/components/catalog/catalog.js'));

const seed = catalogSeed();
const heapMB = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed / 1048576;
};
const timed = (version) => {
  const started = process.hrtime.bigint();
  const catalog = new Catalog({ version, items: seed.items, packages: seed.packages });
  return { catalog, ms: Number(process.hrtime.bigint() - started) / 1e6 };
};

const rssBefore = process.memoryUsage().rss / 1048576;
const first = timed('v1');
const rssAfter = process.memoryUsage().rss / 1048576;
const second = timed('v2');
const withIndex = heapMB();
// The index's own share of the heap: what is freed when one version's engine is dropped.
second.catalog.search = undefined;
const withoutIndex = heapMB();
process.stdout.write(
  `${JSON.stringify({
    documents: first.catalog.search.size,
    firstBuildMs: first.ms,
    rebuildMs: second.ms,
    indexHeapMB: withIndex - withoutIndex,
    firstBuildRssMB: rssAfter - rssBefore,
  })}\n`,
);
