// The soak's outcome: the charts (docs/benchmarks/soak-latency.svg, soak-memory.svg), the `soak`
// section of docs/BENCHMARKS.md (`soak-crash` for the SIGKILL variant, without charts), and the
// verdict on memory. The scrapes are kept in artifacts/soak/soak-data.json; run as a script, this
// draws the charts again from them (after a change to the charts, without another soak):
//   node scripts/lb/soak-section.mjs artifacts/soak/soak-data.json <directory>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, log } from '../lib.mjs';
import { writeSection } from '../bench/report.mjs';
import { compareInChild } from './heap-snapshots.mjs';
import { MAX_GROWTH_PCT, MAX_RSS_MB, analyzeSoak, latencyChart, memoryChart, soakTables } from './soak-report.mjs';

const CHARTS = path.join(ROOT, 'docs/benchmarks');
const DATA = path.join(ROOT, 'artifacts/soak/soak-data.json');
const CRASH_DATA = path.join(ROOT, 'artifacts/soak/soak-crash-data.json');

/** The scrapes as JSON (route buckets as [route, [[le, count]]], le a string so that +Inf survives). */
function saveData(file, data) {
  const samples = data.samples.map((s) => ({
    ...s,
    m: { ...s.m, routes: [...s.m.routes].map(([route, b]) => [route, [...b].map(([le, n]) => [String(le), n])]) },
  }));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...data, samples }));
}

function loadData(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  for (const s of data.samples)
    s.m.routes = new Map(s.m.routes.map(([route, b]) => [route, new Map(b.map(([le, n]) => [Number(le), n]))]));
  return data;
}

function drawCharts(dir, { samples, names, seconds, restarted, snapshotFrom, markers, clientWindows }) {
  const analysis = analyzeSoak({ samples, names, seconds, restarted, snapshotFrom });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'soak-latency.svg'), latencyChart(analysis, clientWindows, markers, seconds));
  writeFileSync(path.join(dir, 'soak-memory.svg'), memoryChart(analysis, markers, seconds));
}

/**
 * @param {object} run
 * @param {Awaited<ReturnType<ReturnType<import('./soak.mjs').startSoak>['finish']>>} run.soak
 * @param {import('./recorder.mjs').Recorder} run.rec
 * @param {number} run.seconds
 * @param {string[]} run.names
 * @param {number} run.restarted
 * @param {boolean} run.crash SIGKILL rather than SIGTERM
 * @param {boolean} run.write whether docs are written (not by the smoke)
 * @param {string} run.header the run's description (first paragraph)
 * @param {string} run.table the citizens' per-route table
 * @param {string[]} run.summary the load's outcome, one line each
 * @param {string[]} run.nginxErrors nginx's error log lines about upstreams
 * @returns {Promise<{ memoryOk: boolean }>}
 */
export async function reportSoak({
  soak,
  rec,
  seconds,
  names,
  restarted,
  crash,
  write,
  header,
  table,
  summary,
  nginxErrors,
}) {
  const snapshotFrom = soak.markers.find((m) => m.label.startsWith('heap snapshot'))?.x;
  const analysis = analyzeSoak({ samples: soak.samples, names, seconds, restarted, snapshotFrom });
  const data = {
    samples: soak.samples,
    names,
    seconds,
    restarted,
    snapshotFrom,
    markers: soak.markers,
    clientWindows: rec.windows(10),
  };
  saveData(crash ? CRASH_DATA : DATA, data);
  const heap = soak.snapshots.length === 2 ? await compareInChild(...soak.snapshots) : undefined;
  const tables = soakTables(analysis, heap);
  const heapGrowth = heap ? ((heap.totalAfter - heap.totalBefore) / heap.totalBefore) * 100 : undefined;
  const memoryOk = analysis.memoryOk && !(analysis.growthJudged && heapGrowth > MAX_GROWTH_PCT);
  const memoryLine =
    `Memory: highest RSS of an instance ${analysis.rssMax.toFixed(0)} MB (limit ${MAX_RSS_MB}); growth from ` +
    `${analysis.warm.toFixed(0)}-${(analysis.warm + analysis.span).toFixed(0)} s to the last ${analysis.span.toFixed(0)} s, ` +
    `instances not restarted: ${analysis.memory
      .filter((m) => !m.restarted)
      .map((m) =>
        m.snapshotted
          ? `${m.name} heap by its snapshots ${heapGrowth === undefined ? '–' : heapGrowth.toFixed(1)} %`
          : `${m.name} RSS ${m.rssGrowth.pct?.toFixed(1) ?? '–'} %, heap ${m.heapGrowth.pct?.toFixed(1) ?? '–'} %`,
      )
      .join(
        '; ',
      )} (limit ${MAX_GROWTH_PCT} %${analysis.growthJudged ? '' : '; not judged in a run under 3 minutes, still warming up'}): ` +
    `**${memoryOk ? 'within' : 'NOT within'} the limits**.`;
  const events = soak.markers.map((m) => `${m.x.toFixed(1)} s ${m.label}`).join(', ');
  const lbLine =
    `Events: ${events}. The /readyz watcher, ${soak.watchEvents.length} changes: ${
      soak.watchEvents
        .slice(0, 12)
        .map((e) => `${names[e.index]} ${e.down ? 'down' : 'up'} at ${e.at.toFixed(1)} s`)
        .join(', ') || 'none'
    }${soak.watchEvents.length > 12 ? ' ...' : ''}. ` +
    `nginx logged ${nginxErrors.length} upstream errors${nginxErrors.length ? ` (first: \`${nginxErrors[0].replace(/^.*\[error\] \d+#\d+: \*\d+ /, '').slice(0, 140)}\`)` : ''}.`;
  for (const line of [lbLine, memoryLine]) log(line.replaceAll('**', ''));
  log(`\n${tables.memory}\n\n${tables.growers}\n`);
  if (write) {
    const name = crash ? 'soak-crash' : 'soak';
    if (!crash) drawCharts(CHARTS, data);
    writeSection(
      name,
      [
        header,
        '',
        ...(crash ? [] : ['![Latency percentiles over the soak](benchmarks/soak-latency.svg)', '']),
        table,
        '',
        ...[...summary, lbLine, memoryLine].map((line) => `- ${line}`),
        '',
        ...(crash ? [] : ['![Memory and event-loop lag per instance over the soak](benchmarks/soak-memory.svg)', '']),
        tables.memory,
        '',
        tables.routes,
        '',
        tables.growers,
      ].join('\n'),
    );
  }
  return { memoryOk };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file = DATA, dir = CHARTS] = process.argv.slice(2);
  drawCharts(dir, loadData(file));
}
