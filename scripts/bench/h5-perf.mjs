// The H5 build as a citizen's phone meets it: Chromium at 390x844 with the CPU slowed 4x (a
// mid-range phone), a cold cache each time. Measures the time from navigation to the first
// meaningful content of 首页 (its hot items) and of an item guide (its name), and the JavaScript
// each page downloads: its size as the browser runs it (jsKB) and as it travels (jsTransferKB, less
// when the server compresses it). Median of a few runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const RUNS = 3;

function chromiumPath() {
  return [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function once(browser, url, selector) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  // The first-launch privacy sheet overlays the page; the content under it is what is timed.
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const scripts = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() === 'script') scripts.push(request);
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 30_000 });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle').catch(() => undefined);
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
  return { ms, jsBytes, jsTransferBytes };
}

/** Null when there is no Chromium or no H5 build to measure. */
export async function h5Perf(baseUrl, itemCode) {
  const executablePath = chromiumPath();
  if (!executablePath) return null;
  const { chromium } = require('playwright-core');
  const browser = await chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const measure = async (url, selector) => {
      const runs = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await once(browser, url, selector));
      return {
        ms: median(runs.map((r) => r.ms)),
        jsKB: median(runs.map((r) => r.jsBytes)) / 1024,
        jsTransferKB: median(runs.map((r) => r.jsTransferBytes)) / 1024,
      };
    };
    return {
      home: await measure(`${baseUrl}/`, '[id^="hot-item-"]'),
      guide: await measure(`${baseUrl}/#/packages/catalog/pages/item/index?code=${itemCode}`, '#item-name'),
    };
  } finally {
    await browser.close();
  }
}
