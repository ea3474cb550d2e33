// node scripts/bench/h5-perf-run.mjs [rounds]: only the H5 part of `npm run bench` (h5-perf.mjs: the
// slowed phone on slow 4G), without the load tests around it. Each round is a median of h5-perf's
// runs; several rounds show how noisy this machine is.
// - H5_URL=http://localhost:8080: measures a running server as it is (e.g. `npm start`'s demo build).
// - otherwise: the production H5 build (`npm run build` first), served by a production BFF on the
//   sandbox and an embedded MongoDB; H5_DIR=<dir> serves another build instead (a copy of an
//   earlier dist/h5, to compare before and after on the same machine).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, log } from '../lib.mjs';
import { h5Perf, PHONE_CONDITIONS } from './h5-perf.mjs';
import { startStack } from './stack.mjs';

const H5_DIR = process.env.H5_DIR ? path.resolve(process.env.H5_DIR) : path.join(ROOT, 'miniapp/dist/h5');
const ROUNDS = Number(process.argv[2] ?? 2);

async function measure(baseUrl) {
  const hot = await (await fetch(`${baseUrl}/api/v1/items/hot`)).json();
  log(`${PHONE_CONDITIONS}, ${baseUrl}`);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const h5 = await h5Perf(baseUrl, hot.items[0].code);
    if (!h5) throw new Error('no Chromium to measure with');
    const page = (m) =>
      `first content ${m.ms} ms, interactive ${m.interactiveMs} ms, ` +
      `${m.jsKB.toFixed(0)} KB JS (${m.jsTransferKB.toFixed(0)} KB transferred)`;
    log(`round ${round}: 首页 ${page(h5.home)}; guide ${page(h5.guide)}`);
  }
}

async function main() {
  if (process.env.H5_URL) return measure(process.env.H5_URL.replace(/\/$/, ''));
  if (!existsSync(path.join(H5_DIR, 'index.html'))) throw new Error('no H5 build: run `npm run build` first');
  const stack = await startStack({ database: 'suijing_h5perf', bffEnv: { STATIC_DIR: H5_DIR } });
  try {
    await measure(stack.bffUrl);
  } finally {
    await stack.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`h5-perf-run failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
