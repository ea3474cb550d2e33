// The H5 build as a citizen's phone meets it: Chromium at 390x844 with the CPU slowed 4x (a
// mid-range phone) on a slow 4G link (1.6 Mbps down, 750 kbps up, 150 ms round trip), a cold cache
// each time. Measures, from navigation:
// - first content: the first frame painting the first meaningful content (首页: its hot items,
//   whether the server-rendered first screen's or React's; an item guide: its name);
// - interactive: when React has mounted the page (首页: React's own hot items, which take taps);
// - the JavaScript each page downloads: its size as the browser runs it (jsKB) and as it travels
//   (jsTransferKB, less when the server compresses it).
// Median of a few runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RUNS = 3;

/** The link and device: DevTools' CDP emulation, applied per page before it loads. */
export const PHONE = {
  cpuSlowdown: 4,
  latencyMs: 150,
  // CDP takes bytes per second: 1.6 Mbps down, 750 kbps up.
  downloadBytesPerSecond: 1_600_000 / 8,
  uploadBytesPerSecond: 750_000 / 8,
};

/** 首页's first content target on that phone (issue 19). */
export const HOME_TARGET_MS = 1200;

/** One line for logs and docs: the conditions the numbers were taken under. */
export const PHONE_CONDITIONS =
  'Chromium at 390x844, CPU 4x slower, slow 4G (1.6 Mbps down, 750 kbps up, 150 ms RTT), cold cache';

function chromiumPath() {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs in the page from its first moment: notes (performance.now(), from the navigation's start)
 * the first animation frame in which each selector matches an element with a box, i.e. the frame
 * that paints it. Timed in the page, not by polling it from outside: with the CPU slowed, a probe
 * sent in waits behind the JavaScript being run and would report later than the phone shows.
 */
/* global window, document, requestAnimationFrame -- watchFirstFrames and the read-back run in the page */
function watchFirstFrames(selectors) {
  const seen = {};
  window.__h5PerfFrames = seen;
  const shows = (selector) => {
    const element = document.querySelector(selector);
    return Boolean(element && element.getBoundingClientRect().height > 0);
  };
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (seen[name] === undefined && shows(selector)) seen[name] = performance.now();
    }
    if (Object.keys(seen).length < Object.keys(selectors).length) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

async function once(browser, url, { firstContent, interactive }) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  // The first-launch privacy sheet overlays the page; the content under it is what is timed.
  await context.addInitScript(watchFirstFrames, { firstContent, interactive });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE.latencyMs,
    downloadThroughput: PHONE.downloadBytesPerSecond,
    uploadThroughput: PHONE.uploadBytesPerSecond,
  });
  const scripts = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.push(request);
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(interactive).first().waitFor({ state: 'visible', timeout: 60_000 });
  // The frame that paints it may come just after Playwright has seen the element.
  await page.waitForFunction(() => window.__h5PerfFrames?.interactive !== undefined, null, { timeout: 10_000 });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  const frames = await page.evaluate(() => window.__h5PerfFrames);
  const ms = Math.round(frames.firstContent);
  const interactiveMs = Math.round(frames.interactive);
  // Sized after the clock stopped, so reading the bodies does not slow the load being timed.
  let jsBytes = 0;
  let jsTransferBytes = 0;
  for (const request of scripts) {
    // Decoded: what the browser parses and runs, whatever the transfer encoding.
    const body = await (await request.response())?.body().catch(() => null);
    jsBytes += body?.length ?? 0;
    jsTransferBytes += (await request.sizes().catch(() => null))?.responseBodySize ?? 0;
  }
  await context.close();
  return { ms, interactiveMs, jsBytes, jsTransferBytes };
}

/** What 首页 and an item guide show first, and what shows React has mounted them. */
const HOME = {
  // #sj-shell is the first screen the BFF writes into index.html (miniapp/src/index.html).
  firstContent: '#sj-shell .home-hot__item, [id^="hot-item-"]',
  interactive: '[id^="hot-item-"]',
};
const GUIDE = { firstContent: '#item-name', interactive: '#item-name' };

/** Null when there is no Chromium or no H5 build to measure. */
export async function h5Perf(baseUrl, itemCode, { runs = RUNS } = {}) {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const measure = async (url, selectors) => {
      const results = [];
      for (let i = 0; i < runs; i += 1) results.push(await once(browser, url, selectors));
      return {
        ms: median(results.map((r) => r.ms)),
        interactiveMs: median(results.map((r) => r.interactiveMs)),
        jsKB: median(results.map((r) => r.jsBytes)) / 1024,
        jsTransferKB: median(results.map((r) => r.jsTransferBytes)) / 1024,
      };
    };
    return {
      home: await measure(`${baseUrl}/`, HOME),
      guide: await measure(`${baseUrl}/#/packages/catalog/pages/item/index?code=${itemCode}`, GUIDE),
    };
  } finally {
    await browser.close();
  }
}
