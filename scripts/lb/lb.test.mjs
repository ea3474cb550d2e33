// The load-balanced run's own parts: reading /metrics, percentiles from histogram buckets, the charts,
// the heap snapshot comparison, the nginx configuration filled in from the deployment template, and the
// ports the cluster is given.
// Run by npm test: node --test scripts/lb/lb.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { freePorts } from '../lib.mjs';
import { sizesByConstructor } from './heap-snapshots.mjs';
import { bucketDelta, parsePrometheus, quantile, summarize } from './metrics.mjs';
import { fillTemplate, upstreamLines } from './nginx.mjs';
import { Recorder } from './recorder.mjs';
import { analyzeSoak } from './soak-report.mjs';
import { linearTicks, svgDocument } from './svg-chart.mjs';

const EXPOSITION = `# HELP process_resident_memory_bytes Resident memory size in bytes.
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 104857600
nodejs_heap_size_used_bytes 52428800
nodejs_eventloop_lag_p99_seconds 0.012
process_start_time_seconds 1796590000
suijing_http_request_duration_seconds_bucket{le="0.01",method="GET",route="/api/v1/items/:code"} 50
suijing_http_request_duration_seconds_bucket{le="0.1",method="GET",route="/api/v1/items/:code"} 90
suijing_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/v1/items/:code"} 100
suijing_errors_total{code="SAY \\"HI\\""} 3
`;

describe('reading /metrics', () => {
  it('when an exposition is parsed, then gauges, escaped labels and histogram buckets per route come out', () => {
    // Act
    const samples = parsePrometheus(EXPOSITION);
    const m = summarize(samples);

    // Assert
    assert.equal(m.rss, 104857600);
    assert.equal(m.lagP99, 0.012);
    assert.equal(samples.find((s) => s.name === 'suijing_errors_total').labels.code, 'SAY "HI"');
    assert.deepEqual(
      [...m.routes.get('GET /api/v1/items/:code').entries()],
      [
        [0.01, 50],
        [0.1, 90],
        [Infinity, 100],
      ],
    );
  });

  it('when percentiles are taken from buckets, then they interpolate inside the bucket and stop at the last finite bound', () => {
    // Arrange
    const buckets = new Map([
      [0.01, 50],
      [0.1, 90],
      [Infinity, 100],
    ]);

    // Act / Assert
    assert.equal(quantile(buckets, 0.25), 0.005);
    assert.ok(Math.abs(quantile(buckets, 0.7) - 0.055) < 1e-12);
    assert.equal(quantile(buckets, 0.99), 0.1);
    assert.equal(quantile(new Map([[Infinity, 0]]), 0.5), undefined);
  });

  it('when an instance restarted between two scrapes, then everything the new process counted is new', () => {
    // Arrange
    const before = summarize(parsePrometheus(EXPOSITION));
    const after = summarize(parsePrometheus(EXPOSITION.replace('1796590000', '1796590300')));
    const same = summarize(parsePrometheus(EXPOSITION.replace('} 100', '} 130')));

    // Act
    const restarted = bucketDelta(before, after).get('GET /api/v1/items/:code');
    const continued = bucketDelta(before, same).get('GET /api/v1/items/:code');

    // Assert
    assert.equal(restarted.get(Infinity), 100);
    assert.equal(continued.get(Infinity), 30);
  });
});

describe('the soak analysis', () => {
  it('when three scrapes of two instances are analysed, then API latency is per scrape interval (probes left out) and memory per instance', () => {
    // Arrange: instance 0 serves 100 fast API requests (and 100 probes) per interval; instance 1 is down at the second scrape.
    const scrapeOf = (count, rssMb) => ({
      rss: rssMb * 1048576,
      heapUsed: 10 * 1048576,
      start: 1,
      routes: new Map([
        [
          'GET /api/v1/x',
          new Map([
            [0.01, count],
            [Infinity, count],
          ]),
        ],
        [
          'GET /readyz',
          new Map([
            [0.01, count],
            [Infinity, count],
          ]),
        ],
      ]),
    });
    const samples = [
      { tick: 0, at: 0, index: 0, m: scrapeOf(0, 100) },
      { tick: 0, at: 0, index: 1, m: scrapeOf(0, 100) },
      { tick: 1, at: 5, index: 0, m: scrapeOf(100, 100) },
      { tick: 2, at: 10, index: 0, m: scrapeOf(200, 110) },
      { tick: 2, at: 10, index: 1, m: scrapeOf(100, 120) },
    ];

    // Act
    const analysis = analyzeSoak({ samples, names: ['#1', '#2'], seconds: 10, restarted: 1 });

    // Assert
    assert.deepEqual(
      analysis.latency.map((w) => w.n),
      [100, 200],
    );
    assert.equal(analysis.latency[0].p50, 5);
    assert.deepEqual(
      analysis.memory[1].rss.map(([, v]) => v),
      [100, null, 120],
    );
    assert.equal(analysis.rssMax, 120);
  });
});

describe('charts', () => {
  it('when a chart is drawn, then it has its axis titles, legend, marker labels, and a line broken where a value is missing', () => {
    // Act
    const svg = svgDocument([
      {
        title: 'RSS',
        xLabel: 'time (s)',
        yLabel: 'RSS (MB)',
        series: [
          {
            name: 'instance #2',
            points: [
              [0, 100],
              [5, 110],
              [10, null],
              [15, 105],
              [20, 107],
            ],
          },
        ],
        markers: [{ x: 8, label: '#2 SIGTERM' }],
      },
    ]);

    // Assert
    for (const text of ['time (s)', 'RSS (MB)', 'instance #2', '#2 SIGTERM'])
      assert.ok(svg.includes(`>${text}<`), text);
    assert.equal(svg.match(/<polyline/g).length, 2);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
  });

  it('when ticks are chosen, then they are round numbers covering the range', () => {
    assert.deepEqual(linearTicks(0, 300, 10), [0, 50, 100, 150, 200, 250, 300]);
    assert.deepEqual(linearTicks(0, 0.9), [0, 0.2, 0.4, 0.6, 0.8]);
  });
});

describe('heap snapshot comparison', () => {
  it('when a snapshot is summed by constructor, then objects count by constructor and strings together', () => {
    // Arrange: a snapshot in V8's format with three nodes (type, name, id, self_size, edge_count).
    const snapshot = {
      snapshot: {
        meta: {
          node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
          node_types: [
            ['hidden', 'array', 'string', 'object', 'code', 'closure', 'regexp', 'number', 'native', 'synthetic'],
          ],
        },
      },
      nodes: [3, 0, 1, 100, 0, 3, 0, 3, 50, 0, 2, 1, 5, 30, 0, 9, 2, 7, 0, 0],
      strings: ['Session', 'hello', '(GC roots)'],
    };

    // Act
    const { sizes, total } = sizesByConstructor(snapshot);

    // Assert
    assert.deepEqual(sizes.get('Session'), { size: 150, count: 2 });
    assert.deepEqual(sizes.get('(string)'), { size: 30, count: 1 });
    assert.equal(total, 180);
  });
});

describe('the nginx configuration', () => {
  const filled = (upstreams) =>
    fillTemplate({
      SUIJING_LISTEN: '127.0.0.1:18080',
      SUIJING_UPSTREAMS: upstreams,
      SUIJING_TRUSTED_PROXY: '127.0.0.1',
    });

  it('when the template is filled in, then no placeholder is left and nginx variables stay', () => {
    // Act
    const conf = filled('/tmp/upstreams.conf');

    // Assert
    assert.doesNotMatch(conf, /\$\{SUIJING_[A-Z_]+\}/);
    assert.ok(conf.includes('include /tmp/upstreams.conf;'));
    assert.ok(conf.includes('proxy_set_header X-Forwarded-For $remote_addr;'));
    assert.throws(() => fillTemplate({ SUIJING_LISTEN: '80' }), /no value for \$\{SUIJING_UPSTREAMS\}/);
  });

  it('when an instance is taken out, then its server line says down', () => {
    assert.equal(
      upstreamLines([{ port: 1 }, { port: 2, down: true }]),
      'server 127.0.0.1:1 max_fails=1 fail_timeout=5s;\nserver 127.0.0.1:2 max_fails=1 fail_timeout=5s down;\n',
    );
  });

  it('when every instance is taken out, then none is marked down (nginx fails open)', () => {
    assert.doesNotMatch(
      upstreamLines([
        { port: 1, down: true },
        { port: 2, down: true },
      ]),
      /down/,
    );
  });

  it(
    'when nginx checks the filled-in configuration, then it accepts it',
    { skip: !existsSync('/usr/sbin/nginx') && 'no nginx' },
    () => {
      // Arrange
      const dir = mkdtempSync(path.join(os.tmpdir(), 'suijing-nginx-test-'));
      try {
        writeFileSync(path.join(dir, 'upstreams.conf'), upstreamLines([{ port: 18081 }, { port: 18082 }]));
        writeFileSync(path.join(dir, 'suijing.conf'), filled(path.join(dir, 'upstreams.conf')));
        writeFileSync(
          path.join(dir, 'nginx.conf'),
          `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents {}\nhttp {\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  include ${dir}/suijing.conf;\n}\n`,
        );

        // Act / Assert: throws (non-zero exit) when nginx rejects it.
        execFileSync('/usr/sbin/nginx', ['-t', '-q', '-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'pipe' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('what the citizens saw', () => {
  it('when requests end in different windows, then each window has its own percentiles', () => {
    // Arrange
    const rec = new Recorder();
    rec.timeline.push([1, 10], [2, 30], [11, 100]);

    // Act
    const windows = rec.windows(10);

    // Assert
    assert.deepEqual(
      windows.map((w) => [w.at, w.n, w.p50, w.p99]),
      [
        [10, 2, 10, 30],
        [20, 1, 100, 100],
      ],
    );
  });
});

describe("the cluster's ports", () => {
  it('when the ports of nginx and every instance are asked for at once, then they are all different and free', async () => {
    // Act
    const ports = await freePorts(21);

    // Assert: a port handed out twice once put an instance's /metrics on nginx's port
    assert.equal(new Set(ports).size, 21);
    for (const port of ports) {
      const server = createServer();
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
