import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expectAccessible } from './axe';

export const ARTIFACTS = path.resolve(__dirname, '../../artifacts/e2e');

/**
 * Debian's Chromium (npm test installs it where it can), with flags that keep
 * it off the network; playwright gives each launch a fresh profile.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = [process.env['CHROME_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (p): p is string => Boolean(p) && existsSync(p as string),
  );
  if (!executablePath) throw new Error('Chromium not found: run `npm test` (it installs it) or set CHROME_PATH');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone: 390x844, touch, Chinese; with `geolocation`, where it is and that it may say so. */
export function phoneContext(
  browser: Browser,
  options: { geolocation?: { latitude: number; longitude: number } } = {},
): Promise<BrowserContext> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
}

/** A page on a new phone whose uncaught script errors are collected into `pageErrors`. */
export async function openPhone(
  browser: Browser,
  pageErrors: string[],
  options: Parameters<typeof phoneContext>[1] = {},
): Promise<Page> {
  const page = await (await phoneContext(browser, options)).newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

/**
 * Screenshot once Taro's page-slide transition (~300 ms) has finished, so the
 * picture shows one page; then the page must pass WCAG 2.1 AA (axe-core), so
 * every screen the E2E suite shows is checked.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(500);
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
  await expectAccessible(page, name);
}
