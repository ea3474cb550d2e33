import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';

/**
 * H5: search the way citizens ask. Everyday words bring suggestions while
 * typing, 搜索 brings labelled results (事项 / 一件事, families grouped), a
 * question the catalog cannot answer brings help instead of an empty page,
 * and recent searches stay on the device until cleared.
 *
 * Element ids the search page keeps stable for this suite:
 *   #page-search, #search-input input, #search-submit
 *   typing    #search-suggest, #suggest-<code> (.search-kind: 事项 / 一件事), #search-suggest-submit
 *   results   #search-result, #search-count, #search-terms, #search-result-<code> (an item),
 *             #search-package-<code> (一件事), .search-hit--family (.search-hit__family "普通护照 · 3 种情形"),
 *             #search-family-toggle-<code>, #search-variant-<code>, #search-result-more / -end
 *   no match  #search-empty, #search-did-you-mean-<code>, #search-help-hot-<code>, #search-phones,
 *             #search-phone-<n>
 *   empty box #search-recent, #recent-search-<n>, #recent-clear, #search-hot-<code>
 */
describe('H5: search that understands how citizens ask', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  const SEARCH = /pages\/search/;
  const HOME = /^$|^#\/$|pages\/home/;
  const input = (): Locator => page.locator('#page-search #search-input input');
  /** Taro keeps visited tab pages (hidden) in the DOM: act on the page in view. */
  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  /** The browser's back button, then wait until that page is on top and Taro's slide is over. */
  async function back(to: RegExp): Promise<void> {
    await page.goBack();
    await page.waitForURL((url) => to.test(url.hash));
    await page.waitForTimeout(400);
  }

  /** Empties the box with NutUI's clear button, as a person would. */
  async function clearBox(): Promise<void> {
    await page.locator('#page-search .nut-searchbar-clear').tap();
    await page.locator('#page-search #search-idle').waitFor();
  }

  async function searchFor(text: string): Promise<void> {
    await input().fill(text);
    await page.locator('#search-submit').tap();
    await page.locator('#page-search #search-result, #page-search #search-empty').first().waitFor();
  }

  beforeAll(async () => {
    stack = await startFullStack();
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when 去香港旅游 is typed, then suggestions follow the typing and picking one opens its guide', async () => {
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();
    await visible('#home-search').tap();
    await page.locator('#page-search').waitFor();

    // Key by key, as a phone keyboard commits characters.
    await input().pressSequentially('去香港旅游', { delay: 40 });

    const rows = page.locator('#search-suggest [id^="suggest-"]');
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll('#search-suggest .search-suggest__name')).some((n) =>
        /香港|港澳/.test(n.textContent ?? ''),
      ),
    );
    const names = await page.locator('#search-suggest .search-suggest__name').allInnerTexts();
    expect(names.length).toBeLessThanOrEqual(8);
    await screenshot(page, 'search-01-suggestions');

    const chosen = rows
      .filter({ hasText: '事项' })
      .filter({ hasText: /香港|港澳/ })
      .first();
    const chosenName = (await chosen.locator('.search-suggest__name').innerText()).trim();
    await chosen.tap();

    await page.locator('#page-item #item-name').waitFor();
    await expect(page.locator('#page-item #item-name').innerText()).resolves.toBe(chosenName);
    await screenshot(page, 'search-02-suggestion-guide');
    await back(SEARCH);
  });

  it('when 宝宝上户口 is searched, then hits are labelled 事项 / 一件事 and a family comes as one result', async () => {
    await searchFor('宝宝上户口');

    const packages = page.locator('#search-result [id^="search-package-"]');
    await packages.first().waitFor();
    await expect(packages.first().locator('.search-kind').innerText()).resolves.toBe('一件事');
    const itemKinds = await page.locator('#search-result [id^="search-result-"] .search-kind').allInnerTexts();
    expect(itemKinds.length).toBeGreaterThan(0);
    expect(new Set(itemKinds)).toEqual(new Set(['事项']));
    const family = page.locator('#search-result .search-hit--family').first();
    await expect(family.locator('.search-hit__family').innerText()).resolves.toMatch(/^\S+ · \d+ 种情形$/);
    await expect(page.locator('#search-count').innerText()).resolves.toMatch(/^找到 \d+ 个相关结果$/);
    await screenshot(page, 'search-03-results');
  });

  it('when a family is unfolded, then its matching situations show and each opens its own guide', async () => {
    const toggle = page.locator('#search-result [id^="search-family-toggle-"]').first();

    await toggle.tap();

    const variant = page.locator('#search-result [id^="search-variant-"]').last();
    await variant.waitFor();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await screenshot(page, 'search-04-family-open');
    const variantName = (await variant.locator('.search-variant__name').innerText()).trim();
    await variant.tap();
    await page.locator('#page-item #item-name').waitFor();
    await expect(page.locator('#page-item #item-name').innerText()).resolves.toBe(variantName);
    await back(SEARCH);
  });

  it('when a broad search is scrolled to its end, then the next page of hits is added', async () => {
    await searchFor('登记');
    const hits = page.locator('#search-result .search-hit');
    const first = await hits.count();

    // A fling to the end of the page: the page's own reach-bottom event loads page 2.
    await page.locator('#search-result-more').scrollIntoViewIfNeeded();

    await page.waitForFunction((n) => document.querySelectorAll('#search-result .search-hit').length > n, first);
    await screenshot(page, 'search-05-next-page');
    expect(first).toBe(20);
  });

  it('when a question outside the catalog (港币兑换) is searched, then help shows instead of an empty page: 您是不是要找, hot items and 12345', async () => {
    await searchFor('港币兑换');

    await page.locator('#search-empty').waitFor();
    await expect(page.locator('#search-empty').innerText()).resolves.toContain('没有找到“港币兑换”相关事项');
    await expect(page.locator('#search-did-you-mean').innerText()).resolves.toContain('您是不是要找');
    expect(await page.locator('[id^="search-did-you-mean-"][role="link"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[id^="search-help-hot-"]').count()).toBeGreaterThan(0);
    const phones = await page.locator('#search-phones .search-phone__number').allInnerTexts();
    expect(phones).toContain('12345');
    await screenshot(page, 'search-06-no-match-help');
    await page.locator('#search-phones').scrollIntoViewIfNeeded();
    await screenshot(page, 'search-07-no-match-phones');
  });

  it('when the box is emptied, then recent searches show (kept across a reload) and 清空 removes them', async () => {
    await clearBox();
    const recent = page.locator('#search-recent [id^="recent-search-"]');
    await expect(recent.allInnerTexts()).resolves.toEqual(expect.arrayContaining(['港币兑换', '登记', '宝宝上户口']));
    await screenshot(page, 'search-08-recent');

    await page.reload();
    await page.locator('#page-search #search-recent').waitFor();
    expect(await recent.count()).toBeGreaterThanOrEqual(3);

    await page.locator('#recent-clear').tap();

    await page.locator('#search-recent').waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('#page-search #search-idle').waitFor();
    expect(await page.locator('#search-recent').count()).toBe(0);
    await screenshot(page, 'search-09-recent-cleared');
  });

  it('when care mode is on, then results are set in larger type', async () => {
    await searchFor('护照');
    const size = (): Promise<number> =>
      page
        .locator('#search-result .search-hit__name')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.goto(stack.url);
    await visible('#entry-care-mode').tap();
    await visible('#home-search').tap();

    await searchFor('护照');

    const after = await size();
    await screenshot(page, 'search-10-results-care-mode');
    expect(after).toBeGreaterThan(before);
    await visible('#page-search').waitFor();
    await back(HOME);
    await visible('#entry-care-mode').tap();
    expect(pageErrors).toEqual([]);
  });
});
