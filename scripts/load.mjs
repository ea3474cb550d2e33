// npm run load: simulated citizens using the product for LOAD_SECONDS (60) against the real BFF
// (production mode, embedded MongoDB, the sandbox systems at realistic latencies over HTTP). Each
// citizen logs in by SMS, completes 实名认证, searches, reads a guide, saves a draft twice, uploads
// the materials, submits (sometimes retrying with the same key, as a phone that lost the answer),
// follows the case, pays its fee once staff accepted it (WeChat Pay's H5 cashier, sometimes retrying
// the order with the same key), looks at their vehicles and books a hall slot. Reports throughput and
// p50/p95/p99 per route, then checks with the back-end systems that every submission exists
// exactly once, that every fee was charged exactly once upstream, that no slot holds more bookings
// than it had places, and reconciles the day against the trade bill with zero unexplained differences.
// `--instances N` (LOAD_INSTANCES): N BFF processes behind nginx (scripts/lb/), one of them stopped at 40 %
// of the run and started again at 60 % (SIGTERM; SIGKILL with `--crash`). `--soak` (LOAD_SOAK=1): 5 minutes
// of it, the instances' /metrics read every 5 s, heap snapshots compared, charts and the soak section.
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, log } from './lib.mjs';
import { TINY_PNG, sampleValue } from './bench/application-fixture.mjs';
import { adultsOfRegister } from './bench/booking-fixture.mjs';
import { confirmCtid } from './bench/in-person.mjs';
import { runLine, writeSection } from './bench/report.mjs';
import { json, startStack } from './bench/stack.mjs';
import { startCluster } from './lb/cluster.mjs';
import { Recorder, percentile } from './lb/recorder.mjs';
import { startSoak } from './lb/soak.mjs';
import { reportSoak } from './lb/soak-section.mjs';

const flag = (name) => process.argv.includes(`--${name}`);
const option = (name) => {
  const i = process.argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  return i < 0 ? undefined : (process.argv[i].split('=')[1] ?? process.argv[i + 1]);
};
/** `--smoke` (npm test): a few citizens for a few seconds behind nginx, one instance restarted, docs left alone. */
const SMOKE = flag('smoke');
const SOAK = flag('soak') || process.env.LOAD_SOAK === '1';
/** `--crash`: the instance is killed (SIGKILL) rather than stopped: what that costs, not a pass criterion. */
const CRASH = flag('crash');
const INSTANCES = Number(option('instances') ?? process.env.LOAD_INSTANCES ?? (SMOKE || SOAK || CRASH ? 3 : 1));
const SECONDS = Number(process.env.LOAD_SECONDS ?? (SMOKE ? 12 : SOAK ? 300 : 60));
/** Where the soak's heap snapshots go (not committed). */
const SNAPSHOTS = path.join(ROOT, 'artifacts/soak');
/** Citizens in session at any moment (each one's requests follow each other, as on a phone). */
const CONCURRENCY = Number(process.env.LOAD_CITIZENS ?? (SMOKE ? 6 : 32));
/** The business booked, and how many halls the citizens crowd into (few, so places run out). */
const BUSINESS = 'HZ02';
const CROWDED_HALLS = 2;
/** Each system's own answer time (ms), as measured of such systems; 车驾管 keeps its own 300 ms ±30 %. */
const LATENCY_MS = { wechat: 80, sms: 120, identity: 150, approval: 250, hall: 80, feedback: 100, catalog: 60 };
/** One citizen in this many retries a submission with the same Idempotency-Key. */
const RETRY_EVERY = 5;
const SEARCHES = ['身份证', 'sfz', '港澳签注', '护照', '驾照过期', '无犯罪记录证明', '居住证', '户口迁入', '出生登记'];
/** One citizen's visit, start to finish. Returns what the verification needs. */
async function visit(ctx, person, index) {
  const { bffUrl, sandboxUrl, rec, item, halls } = ctx;
  const phone = `135${String(10_000_000 + index).slice(-8)}`;
  // Each citizen from an address of their own, as the load balancer would report it.
  const from = { 'x-forwarded-for': `10.${(index >> 8) & 255}.${index & 255}.7` };
  const api = (method, p, { body, headers = {}, form } = {}) =>
    rec.fetch(`${bffUrl}/api/v1${p}`, {
      method,
      headers: { ...from, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: form ?? (body ? JSON.stringify(body) : undefined),
    });

  await rec.call('POST /auth/sms/send', [200], () => api('POST', '/auth/sms/send', { body: { phone } }));
  const outbox = await json(await fetch(`${sandboxUrl}/sandbox/sms/outbox?phone=${phone}`));
  const login = await rec.call('POST /auth/sms/login', [200], () =>
    api('POST', '/auth/sms/login', {
      body: { phone, code: outbox.items[0].params.code, client: { platform: 'weapp' } },
    }),
  );
  const auth = { authorization: `Bearer ${login.body.accessToken}` };
  await rec.call('POST /identity/verify', [200], () =>
    api('POST', '/identity/verify', { headers: auth, body: { name: person.name, idNumber: person.idNumber } }),
  );
  // 实人 (L3) before records open and cases are filed: a 网证 authorisation the person confirms.
  const check = await rec.call('POST /identity/checks', [200], () =>
    api('POST', '/identity/checks', { headers: auth, body: { channel: 'ctid' } }),
  );
  await confirmCtid(sandboxUrl, check.body.ctid.authUrl);
  await rec.call('POST /identity/checks/:id/complete', [200], () =>
    api('POST', `/identity/checks/${check.body.checkId}/complete`, { headers: auth }),
  );
  const q = SEARCHES[index % SEARCHES.length];
  await rec.call('GET /items?q=', [200], () => api('GET', `/items?q=${encodeURIComponent(q)}&page=1&pageSize=20`));
  await rec.call('GET /items/hot', [200], () => api('GET', '/items/hot'));
  await rec.call('GET /items/:code', [200], () => api('GET', `/items/${item.code}`));

  // The applicant's own identity fields are the BFF's to fill from the verified record.
  const fields = item.form.sections.flatMap((s) => s.fields).filter((f) => f.required && !f.identity);
  const data = Object.fromEntries(fields.map((f) => [f.key, sampleValue(f, { ...person, phone })]));
  const half = Object.fromEntries(Object.entries(data).slice(0, Math.ceil(fields.length / 2)));
  for (const draft of [half, data]) {
    await rec.call('PUT /drafts/:code', [200], () =>
      api('PUT', `/drafts/${item.code}`, { headers: auth, body: { formVersion: item.form.version, data: draft } }),
    );
  }
  const materials = [];
  for (const material of item.materials.filter((m) => m.necessity === 'required')) {
    const form = new FormData();
    form.append('file', new Blob([TINY_PNG], { type: 'image/png' }), 'photo.png');
    const uploaded = await rec.call('POST /materials', [201], () => api('POST', '/materials', { headers: auth, form }));
    materials.push({ name: material.name, source: 'upload', materialId: uploaded.body?.materialId });
  }
  const key = randomUUID();
  const submit = () =>
    rec.call('POST /applications', [201], () =>
      api('POST', '/applications', {
        headers: { ...auth, 'idempotency-key': key },
        body: { itemCode: item.code, formVersion: item.form.version, data, materials },
      }),
    );
  const filed = await submit();
  const retried = index % RETRY_EVERY === 0 ? await submit() : undefined;
  const caseNo = filed.body?.caseNo;
  await rec.call('GET /applications', [200], () => api('GET', '/applications', { headers: auth }));
  await rec.call('GET /applications/:no', [200], () => api('GET', `/applications/${caseNo}`, { headers: auth }));
  const paid = caseNo ? await payFee(ctx, api, auth, caseNo, index) : undefined;
  await rec.call('GET /vehicles', [200], () => api('GET', '/vehicles', { headers: auth }));

  await rec.call('GET /halls', [200], () => api('GET', `/halls?business=${BUSINESS}`));
  const hallId = halls[index % halls.length];
  const slots = await rec.call('GET /halls/:id/slots', [200], () =>
    api('GET', `/halls/${hallId}/slots?business=${BUSINESS}&date=${ctx.date}`),
  );
  const open = (slots.body?.items ?? []).filter((s) => s.remaining > 0);
  let booking;
  if (open.length > 0) {
    const slot = open[index % open.length];
    const booked = await rec.call('POST /appointments', [201, 409], () =>
      api('POST', '/appointments', {
        headers: { ...auth, 'idempotency-key': randomUUID() },
        body: { hallId, business: BUSINESS, date: ctx.date, slotId: slot.id, phone },
      }),
    );
    // 已约满 when another citizen took the last place first: a correct answer, not an error.
    if (booked.status === 409 && booked.body?.error?.code !== 'SLOT_FULL')
      rec.unexpected.push({ route: 'POST /appointments', status: 409, code: booked.body?.error?.code });
    if (booked.status === 201) booking = { hallId, slotId: slot.id };
    else if (booked.body?.error?.code === 'SLOT_FULL') ctx.slotFull += 1;
  }
  await rec.call('GET /appointments', [200], () => api('GET', '/appointments', { headers: auth }));
  return { idNumber: person.idNumber, caseNo, retriedCaseNo: retried?.body?.caseNo, booking, paid };
}

/**
 * Staff accept the case (the sandbox console), its fee becomes due, and the citizen pays it: an order
 * (every RETRY_EVERY-th citizen sends it twice with the same key, as a phone that lost the answer),
 * the payer confirms in WeChat, and the app asks until the order is paid. The notification settles it.
 */
async function payFee(ctx, api, auth, caseNo, index) {
  const { sandboxUrl, rec } = ctx;
  const accepted = await fetch(`${sandboxUrl}/sandbox/approval/cases/${caseNo}/actions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'accept' }),
  });
  if (!accepted.ok) throw new Error(`accept ${caseNo}: HTTP ${accepted.status}`);
  const view = await rec.call('GET /applications/:no', [200], () =>
    api('GET', `/applications/${caseNo}`, { headers: auth }),
  );
  if (view.body?.fee?.state !== 'due') throw new Error(`case ${caseNo}: no fee due after 受理`);
  const key = randomUUID();
  // SMS-logged-in citizens have no WeChat openid, so they pay as the browser build does: H5 and the cashier page.
  const order = () =>
    rec.call('POST /payments/orders', [201], () =>
      api('POST', '/payments/orders', {
        headers: { ...auth, 'idempotency-key': key },
        body: { thing: { kind: 'fee', caseId: caseNo }, channel: 'h5', returnPath: '/packages/pay/pages/result/index' },
      }),
    );
  const created = await order();
  if (index % RETRY_EVERY === 1) await order();
  const id = created.body?.id;
  const cashier = created.body?.pay?.kind === 'redirect' ? new URL(created.body.pay.url) : undefined;
  if (!id || !cashier) throw new Error(`order for ${caseNo}: no id or cashier page`);
  // The citizen taps 确认支付: the page's form posts back to the cashier, which redirects to the app.
  const confirmed = await fetch(`${cashier.origin}${cashier.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ redirect_url: cashier.searchParams.get('redirect_url') ?? '' }),
    redirect: 'manual',
  });
  if (confirmed.status >= 400) throw new Error(`cashier for ${caseNo}: HTTP ${confirmed.status}`);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const seen = await rec.call('GET /payments/orders/:id', [200], () =>
      api('GET', `/payments/orders/${id}`, { headers: auth }),
    );
    if (seen.body?.state === 'paid') return { caseNo, orderId: id, amountFen: seen.body.amountFen };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`order ${id} not paid after 5 s`);
}

/** Runs the reconciliation command for a day, as an operator would; its JSON report. */
function reconcile(env, day, asOf) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bff/dist/reconcile.js'), '--day', day, '--as-of', asOf], {
      cwd: ROOT,
      env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      try {
        resolve({ code, report: JSON.parse(out) });
      } catch {
        reject(new Error(`reconcile exited ${code} without a report: ${out.slice(0, 300)}`));
      }
    });
  });
}

/** yyyy-MM-dd of an instant in Beijing time. */
function beijingDay(ms) {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function main() {
  if (INSTANCES < 2 && (SOAK || CRASH))
    throw new Error('--soak and --crash stop an instance: use --instances 2 or more');
  // Seconds since the load started (0 before): the clock of the soak's schedule, samples and markers.
  let loadStarted;
  const now = () => (loadStarted === undefined ? 0 : (performance.now() - loadStarted) / 1000);
  const bffEnv = { TRUST_PROXY: 'true' };
  const snapshotDir = SOAK ? SNAPSHOTS : undefined;
  const cluster =
    INSTANCES > 1
      ? await startCluster({ instances: INSTANCES, database: 'suijing_load', bffEnv, snapshotDir, now })
      : undefined;
  const stack = cluster?.stack ?? (await startStack({ database: 'suijing_load', bffEnv }));
  try {
    const { sandboxUrl } = stack;
    // Behind the load balancer the citizens (and the payment platforms) know nginx's address only.
    const bffUrl = cluster?.lbUrl ?? stack.bffUrl;
    for (const [system, latencyMs] of Object.entries(LATENCY_MS)) {
      const res = await fetch(`${sandboxUrl}/sandbox/faults/${system}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ latencyMs }),
      });
      if (!res.ok) throw new Error(`latency of ${system}: HTTP ${res.status}`);
    }
    const people = await adultsOfRegister(sandboxUrl, SMOKE ? 200 : 2000);
    const found = await json(await fetch(`${bffUrl}/api/v1/items?q=${encodeURIComponent('居民身份证有效期满换领')}`));
    const { item } = await json(await fetch(`${bffUrl}/api/v1/items/${found.items[0].code}`));
    const { items: hallList } = await json(await fetch(`${bffUrl}/api/v1/halls?business=${BUSINESS}`));
    const halls = hallList.slice(0, CROWDED_HALLS).map((h) => h.id);
    // The places each crowded slot had before the run: no slot may end with more of our bookings.
    const first = await json(await fetch(`${bffUrl}/api/v1/halls/${halls[0]}/slots?business=${BUSINESS}`));
    const date = first.bookableDates[1] ?? first.bookableDates[0];
    const placesBefore = new Map();
    for (const hallId of halls) {
      const day = await json(await fetch(`${bffUrl}/api/v1/halls/${hallId}/slots?business=${BUSINESS}&date=${date}`));
      for (const slot of day.items) placesBefore.set(`${hallId}|${slot.id}`, slot.remaining);
    }
    log(
      `load: ${CONCURRENCY} citizens at a time for ${SECONDS} s, ${people.length} people of the register available, ` +
        `bookings into ${halls.length} halls on ${date} (${[...placesBefore.values()].reduce((a, b) => a + b, 0)} places), ${os.cpus().length} cores`,
    );

    const rec = new Recorder();
    loadStarted = rec.started;
    const signal = CRASH ? 'SIGKILL' : 'SIGTERM';
    const soak = cluster && startSoak({ cluster, seconds: SECONDS, signal, now, snapshotDir, log });
    const ctx = { bffUrl, sandboxUrl, rec, item, halls, date, slotFull: 0 };
    const visits = [];
    const failedVisits = [];
    let next = 0;
    const started = performance.now();
    const deadline = Date.now() + SECONDS * 1000;
    const citizen = async () => {
      while (Date.now() < deadline) {
        const index = next++;
        const person = people[index];
        if (!person) throw new Error(`the register ran out after ${index} citizens: raise it or lower LOAD_SECONDS`);
        try {
          visits.push(await visit(ctx, person, index));
        } catch (error) {
          failedVisits.push(error.message);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, citizen));
    const elapsed = (performance.now() - started) / 1000;
    const soakRun = await soak?.finish();

    // Afterwards: what the back-end systems hold.
    const submissions = visits.filter((v) => v.caseNo);
    let notOnce = 0;
    for (const v of submissions) {
      const { items } = await json(await fetch(`${sandboxUrl}/sandbox/approval/cases?sfzmhm=${v.idNumber}`));
      const once =
        items.length === 1 && items[0].bjbh === v.caseNo && (!v.retriedCaseNo || v.retriedCaseNo === v.caseNo);
      if (!once) notOnce += 1;
    }
    // Fees: each paid exactly once at WeChat Pay (an order retried with its key is one order).
    const payments = visits.filter((v) => v.paid);
    const stats = await json(await fetch(`${sandboxUrl}/sandbox/wxpay/stats`));
    const charges = Object.values(stats.payments ?? {});
    const chargedTwice = charges.filter((n) => n !== 1).length;
    const chargesUpstream = charges.reduce((a, b) => a + b, 0);
    const { bookings } = await json(await fetch(`${sandboxUrl}/sandbox/hall/bookings`));
    const ours = new Set(visits.map((v) => v.idNumber));
    const held = new Map();
    for (const b of bookings) {
      if (b.zt !== '1' || !ours.has(b.sqr.sfzmhm)) continue;
      const key = `${b.dtbh}|${b.sdbh}`;
      held.set(key, (held.get(key) ?? 0) + 1);
    }
    const acknowledged = visits.filter((v) => v.booking).length;
    const heldTotal = [...held.values()].reduce((a, b) => a + b, 0);
    const overbooked = [...held.entries()].filter(([key, n]) => n > (placesBefore.get(key) ?? 0));
    // Last, as it moves the platforms' clock past the day's end (the trade bill exists the next morning): the day reconciled.
    const day = beijingDay(Date.now());
    const nextMorning = new Date(Date.parse(`${day}T10:05:00+08:00`) + 86_400_000);
    const clock = await json(await fetch(`${sandboxUrl}/sandbox/clock`));
    await fetch(`${sandboxUrl}/sandbox/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: nextMorning.getTime() - Date.parse(clock.now) }),
    });
    const reconciled = await reconcile(stack.bffEnv, day, nextMorning.toISOString());
    const unexplained = reconciled.report.differences?.length ?? -1;

    const rows = [...rec.routes.entries()].map(([route, e]) => {
      const sorted = [...e.ms].sort((a, b) => a - b);
      return {
        route,
        requests: e.ms.length,
        rps: e.ms.length / elapsed,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        errors: e.errors,
        statuses: e.statuses,
      };
    });
    const total = rows.reduce((s, r) => s + r.requests, 0);
    const errors = rec.unexpected.length + failedVisits.length;
    const table = [
      '| route | requests | req/s | p50 ms | p95 ms | p99 ms | errors |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(
        (r) =>
          `| \`${r.route}\` | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.errors} |`,
      ),
    ].join('\n');
    const summary = [
      `${visits.length} visits completed (${failedVisits.length} broke off), ${total} requests in ${elapsed.toFixed(1)} s: ` +
        `**${(total / elapsed).toFixed(0)} requests/s, ${errors} errors** (target 0).`,
      `Submissions: ${submissions.length} filed, ${visits.filter((v) => v.retriedCaseNo).length} of them retried with the ` +
        `same key; **exactly once** in the approval system afterwards: ${submissions.length - notOnce} of ${submissions.length}.`,
      `Fees: ${payments.length} paid (${chargesUpstream} charges at WeChat Pay); **charged other than exactly once: ` +
        `${chargedTwice}**. Reconciliation of ${day}: ${reconciled.report.matched} matched, ` +
        `${reconciled.report.fixed?.length ?? 0} fixed, **${unexplained} unexplained differences**.`,
      `Bookings: ${acknowledged} booked, ${ctx.slotFull} answered 已约满, ${heldTotal} held by the hall system; ` +
        `**slots over their places: ${overbooked.length}**.`,
      ...(cluster
        ? [
            `Sent again after the connection to nginx closed unanswered (as browsers do; a reload retires nginx's old ` +
              `worker and its idle kept-alive connections): ${JSON.stringify(rec.resent)}.`,
          ]
        : []),
    ];
    log(`\n${table}\n`);
    for (const line of summary) log(line.replaceAll('**', ''));
    const lb = cluster
      ? `${INSTANCES} BFF instances behind nginx (deploy/nginx/suijing.conf.template, /readyz watched every 500 ms), ` +
        `instance #2 sent ${signal} at 40 % of the run and started again at 60 %; `
      : '';
    const header =
      `Run: ${runLine(stack.mongo.description)}; ${lb}${CONCURRENCY} citizens at a time for ${SECONDS} s, each visit ` +
      `start to finish (log in, 实名认证, search, guide, two draft saves, uploads, submit, follow the case, ` +
      `paying the fee once staff accepted, vehicles, halls and a booking into ${halls.length} crowded halls); ` +
      `the systems answering in ${Object.entries(LATENCY_MS)
        .map(([system, latency]) => `${system} ${latency} ms`)
        .join(', ')}, traffic 300 ms ±30 %.`;
    const soakVerdict = soakRun
      ? await reportSoak({
          soak: soakRun,
          rec,
          seconds: SECONDS,
          names: cluster.instances.map((i) => i.name),
          restarted: 1,
          crash: CRASH,
          write: !SMOKE,
          header,
          table,
          summary,
          nginxErrors: cluster.upstreamErrors(),
        })
      : undefined;
    if (!SMOKE && !cluster)
      writeSection('load', [header, '', table, '', ...summary.map((line) => `- ${line}`)].join('\n'));
    const kinds = new Map();
    for (const u of rec.unexpected)
      kinds.set(
        `${u.route} ${u.status} ${u.code ?? ''}`,
        (kinds.get(`${u.route} ${u.status} ${u.code ?? ''}`) ?? 0) + 1,
      );
    for (const [kind, n] of [...kinds].slice(0, 15)) log(`unexpected: ${n} × ${kind}`);
    for (const m of failedVisits.slice(0, 5)) log(`visit broke off: ${m}`);
    mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
    writeFileSync(
      path.join(ROOT, 'artifacts/load.json'),
      JSON.stringify(
        {
          date: new Date().toISOString(),
          seconds: elapsed,
          concurrency: CONCURRENCY,
          rows,
          errors,
          visits: visits.length,
        },
        null,
        2,
      ),
    );
    const verified =
      notOnce === 0 &&
      overbooked.length === 0 &&
      heldTotal === acknowledged &&
      chargedTwice === 0 &&
      chargesUpstream === payments.length &&
      unexplained === 0 &&
      reconciled.code === 0;
    // A killed instance (--crash) breaks the visits it was serving: counted above, not a failure of the run.
    const memoryOk = !SOAK || CRASH || soakVerdict?.memoryOk !== false;
    if ((errors > 0 && !CRASH) || !verified || !memoryOk) {
      log(
        'load: FAILED (errors, a submission or payment not exactly once, a slot over its places, the day not reconciled, or memory grew)',
      );
      process.exitCode = 1;
    }
  } finally {
    await (cluster ?? stack).stop();
  }
}

main().catch((error) => {
  process.stderr.write(`load failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
