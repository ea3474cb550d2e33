import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { loginThroughUi } from '../support/ui-login';

/**
 * H5: the service catalog as a citizen uses it: find an item, read its guide,
 * keep it as a favourite, browse by life event, "一件事" and police type.
 *
 * Element ids the pages keep stable for this suite:
 *   首页      #page-home, #home-search, #home-catalog, #hot-item-<code>, #police-type-<code>,
 *             #life-event-<code>, #entry-packages, #entry-favorites, #entry-care-mode
 *   办事      #page-services, #services-type-all, #services-type-<code>, #services-event-<code>,
 *             #services-item-<code>, #services-item-more, #services-item-end, #services-item-error
 *   搜索      #page-search, #search-input input, #search-submit, #search-result .search-hit__main
 *             (#search-result-<code>), #search-count, #search-empty, #search-did-you-mean-<code>,
 *             #search-help-hot-<code>, #recent-search-<n>, #search-hot-<code> (search.test.ts: the rest)
 *   列表      #page-list, #list-title, #list-item-<code>, #list-item-end
 *   办事指南  #page-item, #item-name, #item-conditions, #item-materials, #item-steps, #item-time,
 *             #item-halls, #item-basis, #item-contact, #item-notice (#item-service-objects,
 *             #item-quantity-limit, #item-intermediary), #item-refusals, #item-result-sample,
 *             #item-faqs (#item-faq-<n>, only when the item has some), #favorite-toggle (aria-pressed),
 *             #favorite-login-dialog-confirm, #apply-online, #apply-login-dialog-confirm/-cancel
 *   一件事    #page-packages, #package-<code>, #page-package, #package-name, #package-member-<order>
 *   我的收藏  #page-favorites, #favorite-<code>, #unfavorite-<code>, #favorites-empty
 *   我的      #me-favorites
 *   any list  #catalog-stale-notice (only while the catalog system is unreachable)
 */
describe('H5: the service catalog', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  const phone = uniquePhone();
  const pageErrors: string[] = [];
  /** The guide this suite reads and favourites (居民身份证换领, or the first 身份证 result). */
  let itemCode = '';

  /** Taro keeps visited tab pages (hidden) in the DOM: act on the page in view. */
  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  /**
   * The browser's back button, then wait until that page is on top and Taro's
   * slide (~300 ms) is over: a second back during the slide is lost.
   */
  async function back(to: RegExp): Promise<void> {
    await page.goBack();
    await page.waitForURL((url) => to.test(url.hash));
    await page.waitForTimeout(400);
  }
  const HOME = /^$|^#\/$|pages\/home/;
  const SEARCH = /pages\/search/;
  const ITEM = /pages\/item/;
  const FAVORITES = /pages\/favorites/;
  const PACKAGES = /pages\/packages\//;
  const PACKAGE = /pages\/package\//;

  async function fontSize(selector: string): Promise<number> {
    return visible(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
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

  it('when 首页 opens, then it shows the search box, hot items, police types and life events', async () => {
    await page.goto(stack.url);
    await page.locator('#privacy-agree').tap();

    await page.locator('#home-catalog').waitFor();
    expect(await page.locator('[id^="hot-item-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[id^="police-type-"]').count()).toBeGreaterThan(3);
    await screenshot(page, 'catalog-01-home');
    await page.locator('[id^="life-event-"]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'catalog-02-home-categories');
  });

  it('when a life event is tapped, then its items are listed', async () => {
    const entry = page.locator('[id^="life-event-"]').first();
    const name = (await entry.locator('.home-events__name').innerText()).trim();

    await entry.tap();

    await page.locator('#page-list .item-card').first().waitFor();
    await expect(page.locator('#list-title').innerText()).resolves.toBe(name);
    await screenshot(page, 'catalog-03-life-event-list');
    await back(HOME);
  });

  it('when the citizen searches 身份证, then matching items are listed', async () => {
    await visible('#home-search').tap();
    await page.locator('#page-search').waitFor();

    await page.locator('#search-input input').fill('身份证');
    await page.locator('#search-submit').tap();

    // The results list, not the hot items the empty box shows before the search runs.
    await page.locator('#page-search #search-result .search-hit__main').first().waitFor();
    const results = page.locator('#page-search #search-result .search-hit__main[id^="search-result-"]');
    const names = await results.locator('.search-hit__name').allInnerTexts();
    expect(names.some((n) => n.includes('身份证'))).toBe(true);
    await screenshot(page, 'catalog-04-search-results');

    const exact = names.findIndex((n) => n.includes('居民身份证换领'));
    const chosen = results.nth(exact >= 0 ? exact : 0);
    itemCode = ((await chosen.getAttribute('id')) ?? '').replace('search-result-', '');
    await chosen.tap();
    await page.locator('#page-item #item-name').waitFor();
  });

  it('when a guide opens, then it shows the facts, the materials and an honest 在线办理', async () => {
    const guide = await page.locator('#page-item').innerText();
    expect(guide).toContain('受理条件');
    expect(guide).toMatch(/承诺 \d+ 个工作日|即办/);
    await screenshot(page, 'catalog-05-item-guide');

    await page.locator('#item-materials').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const materials = await page.locator('#item-materials').innerText();
    expect(materials).toContain('申请材料');
    expect(materials).toMatch(/必要|容缺|情形/);
    await screenshot(page, 'catalog-06-item-materials');

    // The portal's notice fields: who may apply, limits, third parties, refusals, the result sample, FAQs.
    await page.locator('#item-notice').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.locator('#item-service-objects').innerText()).toContain('自然人');
    expect(await page.locator('#item-quantity-limit').innerText()).not.toBe('');
    expect(await page.locator('#item-intermediary').innerText()).toBe('无');
    await screenshot(page, 'catalog-06a-item-notice');
    await page.locator('#item-refusals').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.locator('#item-refusals').innerText()).toContain('提供虚假材料');
    expect(await page.locator('#item-result-sample').innerText()).toContain('证件式样');
    await page.locator('#item-faqs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.locator('#item-faqs [id^="item-faq-"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#item-faq-1').innerText()).toMatch(/^问：.+？[\s\S]*答：/);
    await screenshot(page, 'catalog-06b-item-faqs');
    await page.locator('#item-name').evaluate((el) => el.scrollIntoView({ block: 'start' }));

    // Logged out, 在线办理 asks to log in first (the flow itself is the apply E2E's).
    await page.locator('#apply-online').tap();
    await page.locator('#apply-login-dialog-confirm').waitFor();
    await screenshot(page, 'catalog-07-apply-online');
    await page.locator('#apply-login-dialog-cancel').tap();
    await page.locator('#apply-login-dialog-confirm').waitFor({ state: 'hidden' });
  });

  it('when the star is tapped while logged out, then login comes first and the item ends up starred', async () => {
    await page.locator('#favorite-toggle').tap();
    await page.locator('#favorite-login-dialog-confirm').tap();
    await page.locator('#page-login').waitFor();

    await loginThroughUi(page, stack.sandbox, phone);

    await page.locator('#page-item #favorite-toggle[aria-pressed="true"]').waitFor();
    await page.waitForURL((url) => ITEM.test(url.hash));
    await screenshot(page, 'catalog-08-item-favorited');
  });

  it('when 我的收藏 is opened from 首页, then the starred item is there', async () => {
    await back(SEARCH);
    await back(HOME);
    await visible('#entry-favorites').tap();

    await page.locator(`#page-favorites #favorite-${itemCode}`).waitFor();
    await screenshot(page, 'catalog-09-favorites');
  });

  it('when care mode is on, then the guide is set in larger type', async () => {
    await page.locator(`#page-favorites #favorite-${itemCode} .favorite-card__body`).tap();
    await page.locator('#page-item #item-name').waitFor();
    const before = await fontSize('#page-item #item-conditions .guide-section__title');
    const faqBefore = await fontSize('#page-item #item-faq-1 .guide-faq__answer');
    await back(FAVORITES);
    await back(HOME);
    await visible('#entry-care-mode').tap();

    await visible('#entry-favorites').tap();
    await page.locator(`#page-favorites #favorite-${itemCode} .favorite-card__body`).tap();
    await page.locator('#page-item #item-name').waitFor();
    const after = await fontSize('#page-item #item-conditions .guide-section__title');
    await screenshot(page, 'catalog-10-item-care-mode');
    const faqAfter = await fontSize('#page-item #item-faq-1 .guide-faq__answer');
    await page.locator('#item-faqs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'catalog-10a-item-faqs-care-mode');

    expect(after).toBeGreaterThan(before);
    expect(faqAfter).toBeGreaterThan(faqBefore);
    await back(FAVORITES);
    await back(HOME);
    await visible('#entry-care-mode').tap();
  });

  it('when a search finds nothing, then it says so and suggests items', async () => {
    await visible('#home-search').tap();

    await page.locator('#search-input input').fill('天气预报');
    await page.locator('#search-submit').tap();

    await page.locator('#search-empty').waitFor();
    await expect(page.locator('#search-empty').innerText()).resolves.toContain('没有找到');
    expect(await page.locator('[id^="search-help-hot-"], [id^="search-did-you-mean-"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'catalog-11-search-empty');
    await back(HOME);
  });

  it('when 一件事 is opened, then packages are listed and one shows its member items in order', async () => {
    await visible('#entry-packages').tap();
    await page.locator('#page-packages [id^="package-YJS"]').first().waitFor();
    await screenshot(page, 'catalog-12-packages');

    await page.locator('#page-packages [id^="package-YJS"]').first().tap();

    await page.locator('#page-package #package-member-1').waitFor();
    expect(await page.locator('#page-package [id^="package-member-"]').count()).toBeGreaterThan(1);
    await screenshot(page, 'catalog-13-package-detail');
    const police = page.locator('#page-package .package-member--link').first();
    if ((await police.count()) > 0) {
      await police.tap();
      await page.locator('#page-item #item-name').waitFor();
      await back(PACKAGE);
    }
    await back(PACKAGES);
    await back(HOME);
  });

  it('when 办事 is filtered by a police type and scrolled, then the next page of items is added', async () => {
    await page.getByText('办事', { exact: true }).last().tap();
    await visible('#page-services #services-type-all').waitFor();
    await screenshot(page, 'catalog-14-services');

    // The police type with the most items, so that it has a second page.
    const chips = page.locator('#page-services [id^="services-type-"]:not(#services-type-all)');
    const counts = (await chips.allInnerTexts()).map((t) => Number(/\d+$/.exec(t.trim())?.[0] ?? 0));
    const biggest = counts.indexOf(Math.max(...counts));
    const name = (await chips.nth(biggest).innerText()).replace(/\s*\d+$/, '').trim();
    await chips.nth(biggest).tap();
    // The filtered first page: 20 cards, every one of that police type.
    await page.waitForFunction((type) => {
      const departments = Array.from(document.querySelectorAll('#page-services .item-card__department'));
      return departments.length === 20 && departments.every((d) => d.textContent?.trim().endsWith(type));
    }, name);
    await screenshot(page, 'catalog-15-services-filtered');

    // A fling to the end of the page: the page's own reach-bottom event loads page 2.
    await visible('#page-services').evaluate((root) => {
      let node: Element | null = root;
      while (node && !(node.scrollHeight > node.clientHeight && /auto|scroll/.test(getComputedStyle(node).overflowY))) {
        node = node.parentElement;
      }
      (node ?? document.scrollingElement)?.scrollTo(0, 1_000_000);
    });

    await page.waitForFunction(() => document.querySelectorAll('#page-services .item-card').length > 20);
    await screenshot(page, 'catalog-16-services-page-2');
    expect(Math.max(...counts)).toBeGreaterThan(20);
  });

  it('when 我的收藏 is opened from 我的, then it lists the favourite too', async () => {
    await page.getByText('我的', { exact: true }).last().tap();
    await visible('#me-favorites').tap();

    await page.locator(`#page-favorites #favorite-${itemCode}`).waitFor();
    await back(/pages\/me/);
  });

  it('when the catalog system is down, then pages still show the last copy with a discreet notice', async () => {
    await stack.sandbox.setFault('catalog', { down: true });
    try {
      await stack.advanceTime(5 * 60_000);
      // The first answer after the pause starts a refresh in the background; it fails.
      await fetch(`${stack.url}/api/v1/packages`);
      await new Promise((resolve) => setTimeout(resolve, 500));

      await page.getByText('首页', { exact: true }).last().tap();
      await visible('#entry-packages').tap();

      await page.locator('#page-packages #catalog-stale-notice').waitFor();
      await expect(page.locator('#page-packages #catalog-stale-notice').innerText()).resolves.toMatch(
        /办事系统暂时无法连接，以下信息更新于/,
      );
      await screenshot(page, 'catalog-17-stale-notice');
    } finally {
      await stack.sandbox.clearFaults();
    }
    expect(pageErrors).toEqual([]);
  });
});
