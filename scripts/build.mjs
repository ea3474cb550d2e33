// npm run build: the TypeScript packages, then the mini-program for weapp and h5
// (h5 with brotli and gzip copies of its text files for the BFF to serve), then
// the weapp package sizes (fails over WeChat's 2 MB limit per package).
// `--targets=server,h5` builds only what `npm start` serves.
import { readdirSync, readFileSync, statSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { ROOT, log, must } from './lib.mjs';

const MB = 1024 * 1024;
const LIMIT = 2 * MB;
/**
 * The main package's budget (issue 19): WeChat downloads all of it before the first page shows,
 * so it stays far under the 2 MB limit. Reported, not enforced (the limit is).
 */
export const WEAPP_MAIN_TARGET = 400 * 1024;

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

/** Main package = everything in the weapp output outside the subpackage roots. */
export function weappPackageSizes(outDir = path.join(ROOT, 'miniapp/dist/weapp')) {
  const appJson = JSON.parse(readFileSync(path.join(outDir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const subpackages = roots.map((root) => ({ root, bytes: sizeOf(path.join(outDir, root)) }));
  const total = sizeOf(outDir);
  const main = total - subpackages.reduce((sum, p) => sum + p.bytes, 0);
  return { main, total, subpackages };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// Not index.html: tiny, and a copy left by one build must never be served for another build's page.
const COMPRESSIBLE = /\.(js|css|svg|json)$/;
/** Below this, compression saves less than the extra headers and file lookups cost. */
const MIN_COMPRESS_BYTES = 1024;

/**
 * Writes `file.br` and `file.gz` beside each text file of the H5 build, at the
 * highest levels (done once here, not per request); the BFF's static handler
 * picks the one the browser accepts. npm start's demo build is compressed by it too.
 */
export function precompress(dir) {
  let raw = 0;
  let brotli = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const content = readFileSync(file);
    if (content.length < MIN_COMPRESS_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    writeFileSync(`${file}.br`, br);
    writeFileSync(`${file}.gz`, gzipSync(content, { level: zlib.Z_BEST_COMPRESSION }));
    raw += content.length;
    brotli += br.length;
  }
  log(`h5 text files: ${kb(raw)}, ${kb(brotli)} with brotli`);
}

export function reportWeappSizes() {
  const sizes = weappPackageSizes();
  const target = sizes.main <= WEAPP_MAIN_TARGET ? 'met' : 'NOT met';
  log(`weapp main package: ${kb(sizes.main)} (limit 2048 KB; target ≤ ${kb(WEAPP_MAIN_TARGET)}: ${target})`);
  for (const p of sizes.subpackages) log(`weapp subpackage ${p.root}: ${kb(p.bytes)} (limit 2048 KB)`);
  log(`weapp whole app: ${kb(sizes.total)} (limit 20480 KB)`);
  const over = [sizes.main, ...sizes.subpackages.map((p) => p.bytes)].some((b) => b > LIMIT) || sizes.total > 20 * MB;
  if (over) throw new Error("a weapp package is over WeChat's size limit");
  return sizes;
}

/**
 * What WeChat DevTools and the upload need beside the code: project.config.json with the base library
 * (libVersion) the features need, and the sitemap.json app.json names.
 */
export function checkWeappOutput(outDir = path.join(ROOT, 'miniapp/dist/weapp')) {
  const appJson = JSON.parse(readFileSync(path.join(outDir, 'app.json'), 'utf8'));
  const sitemap = appJson.sitemapLocation;
  if (typeof sitemap !== 'string' || !existsSync(path.join(outDir, sitemap))) {
    throw new Error(`the weapp output lacks the sitemap app.json names (${String(sitemap)})`);
  }
  const projectFile = path.join(outDir, 'project.config.json');
  const project = existsSync(projectFile) ? JSON.parse(readFileSync(projectFile, 'utf8')) : {};
  if (!/^\d+\.\d+\.\d+$/.test(String(project.libVersion ?? ''))) {
    throw new Error('the weapp output lacks project.config.json with libVersion (miniapp/project.config.json)');
  }
  log(`weapp ${sitemap} and project.config.json (base library ${project.libVersion}, appid ${project.appid})`);
  return { sitemap, libVersion: project.libVersion };
}

async function main() {
  const arg = process.argv.find((a) => a.startsWith('--targets='));
  const targets = new Set((arg ? arg.slice('--targets='.length) : 'server,weapp,h5').split(','));
  if (targets.has('server')) {
    log('building shared, sandbox, embedded-mongo, bff (tsc -b)');
    await must('npx', ['tsc', '-b', 'tsconfig.build.json']);
  }
  for (const type of ['weapp', 'h5']) {
    if (!targets.has(type)) continue;
    log(`building the mini-program for ${type}`);
    await must('npx', ['taro', 'build', '--type', type], {
      cwd: path.join(ROOT, 'miniapp'),
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (type === 'h5') precompress(path.join(ROOT, 'miniapp/dist/h5'));
  }
  if (targets.has('weapp') && existsSync(path.join(ROOT, 'miniapp/dist/weapp/app.json'))) {
    reportWeappSizes();
    checkWeappOutput();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    process.stderr.write(`build failed: ${error.message}\n`);
    process.exit(1);
  });
}
