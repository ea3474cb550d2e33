import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, openPhone, screenshot } from '../support/browser';
import { startFullStack, type FullStack } from '../support/full-stack';
import { uniquePhone } from '../support/auth-helpers';
import { msUntilWeekdayAt } from '../support/beijing-time';
import { signInVerified } from '../support/ui-login';

/** 天河体育中心: where the citizen stands when the phone is asked for its position. */
const TIANHE = { latitude: 23.1371, longitude: 113.3245 };
const BUSINESS = 'HZ02';

/**
 * H5: 办事大厅 end to end against the sandbox hall system on a weekday
 * morning: halls near me, the recommended hall for 居民身份证, a booked slot
 * with its QR code, cancelled; a remote ticket; the self-service points.
 */
describe('H5: halls, a booking at the recommended hall, a remote ticket, stations', () => {
  let stack: FullStack;
  let browser: Browser;
  let page: Page;
  let person: { name: string; idNumber: string; phone: string };
  const phone = uniquePhone();
  const pageErrors: string[] = [];
  /** How far the world's clock is ahead of the real one. */
  let shift = 0;

  const visible = (selector: string): Locator => page.locator(`${selector}:visible`);

  beforeAll(async () => {
    stack = await startFullStack();
    // The halls' opening hours are weekdays; the world moves to one at 10:00 Beijing time.
    shift = msUntilWeekdayAt(new Date(), 10);
    await stack.advanceTime(shift);
    person = await stack.sandbox.citizen('secondary');
    browser = await launchChromium();
    page = await openPhone(browser, pageErrors, { geolocation: TIANHE });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('when a verified citizen opens 办事大厅, then the halls come nearest first with distance and wait', async () => {
    await signInVerified(page, stack.url, stack.sandbox, phone, person);

    await page.goto(stack.url);
    await visible('#entry-halls').tap();

    await page.locator('#page-halls #halls-list [id^="hall-"][id$="-distance"]').first().waitFor();
    const distances = await page.locator('#page-halls #halls-list [id$="-distance"]').allInnerTexts();
    const km = distances.map((text) => Number(/([\d.]+)\s*(公里|km)/.exec(text)?.[1] ?? NaN));
    expect(km.every((n) => !Number.isNaN(n))).toBe(true);
    expect(km).toEqual([...km].sort((a, b) => a - b));
    await screenshot(page, 'halls-01-list');
  });

  it('when a business is chosen and 帮我推荐 tapped, then the recommendation gives the hall and the reason', async () => {
    await page.locator(`#page-halls #halls-business-${BUSINESS}`).tap();
    await page.locator('#page-halls #halls-recommend').tap();

    await page.locator('#page-recommend #recommend-reason').waitFor();
    await expect(page.locator('#recommend-reason').innerText()).resolves.toContain('分钟');
    await screenshot(page, 'halls-02-recommend');
  });

  it('when a slot at the recommended hall is booked, with a reload and a back on the way, then the booking shows its number and QR code', async () => {
    const hallName = (await page.locator('#recommend-hall-name').innerText()).trim();
    await page.locator('#recommend-book').tap();

    // Today at 10:00: the slots already started read 已过, not 已约满.
    const past = visible('#page-book [id^="book-slots-slot-"][data-state="past"]');
    await past.first().waitFor();
    await expect(past.first().innerText()).resolves.toContain('已过');
    await screenshot(page, 'halls-03a-book-today-past');
    await visible('#page-book [id^="book-slots-date-"]').nth(1).tap();
    const open = visible('#page-book [id^="book-slots-slot-"][data-state="open"]');
    await open.first().waitFor();
    await screenshot(page, 'halls-03-book-slots');
    const slotId = (await open.first().getAttribute('id')) ?? '';
    await open.first().tap();

    // A reload keeps the day and the slot; 下一步 then opens the confirm step as a page of its own.
    await page.reload();
    await visible(`#${slotId}[aria-checked="true"]`).waitFor();
    const day = (await visible('#page-book [id^="book-slots-date-"][aria-checked="true"]').getAttribute('id')) ?? '';
    await visible('#page-book #book-next').tap();
    await visible('#page-book #book-submit').waitFor();
    await page.reload();
    await visible('#page-book #book-submit').waitFor();
    await expect(visible('#book-summary-hall').innerText()).resolves.toContain(hallName);

    // Back is the time step again, with its choices.
    await page.goBack();
    await visible(`#${slotId}[aria-checked="true"]`).waitFor();
    await expect(visible(`#${day}`).getAttribute('aria-checked')).resolves.toBe('true');
    await expect(visible('#book-step-time').getAttribute('data-state')).resolves.toBe('current');
    await visible('#page-book #book-next').tap();

    // The SMS phone is the account's own, nothing to type.
    await visible('#page-book #book-submit').waitFor();
    await expect(visible('#page-book #field-phone-locked').innerText()).resolves.toContain(phone.slice(-4));
    await expect(visible('#book-summary-hall').innerText()).resolves.toContain(hallName);
    await screenshot(page, 'halls-04-book-confirm');
    await visible('#page-book #book-submit').tap();

    await page.locator('#page-appointment #appointment-qr').waitFor();
    const payload = (await page.locator('#appointment-qr').getAttribute('data-value')) ?? '';
    expect(payload).toMatch(/^SJYY1\./);
    await expect(page.locator('#appointment-status').innerText()).resolves.toContain('已预约');
    await expect(page.locator('#appointment-hall').innerText()).resolves.toContain(hallName);
    await screenshot(page, 'halls-05-appointment-qr');
  });

  it('when the booking is cancelled, then it reads 已取消 and the hall system has it cancelled', async () => {
    const number = (await page.locator('#appointment-number').innerText()).replace(/\s/g, '');
    // 改约 names the day of the new slot as well as its time.
    await page.locator('#appointment-reschedule').tap();
    await visible('#reschedule-slots [id^="reschedule-slots-slot-"][data-state="open"]').last().tap();
    await expect(page.locator('#reschedule-submit').innerText()).resolves.toMatch(
      /^改到 \d{1,2}月\d{1,2}日 \d{2}:\d{2}$/,
    );
    await screenshot(page, 'halls-05a-reschedule');
    await page.locator('#reschedule-cancel').tap();
    await page.locator('#appointment-cancel').tap();
    await page.locator('#appointment-cancel-dialog-confirm').tap();

    await page.locator('#appointment-status', { hasText: '已取消' }).waitFor();
    await screenshot(page, 'halls-06-appointment-cancelled');
    const res = await fetch(`${stack.sandbox.url}/sandbox/hall/bookings?sfzmhm=${person.idNumber}`);
    const { bookings } = (await res.json()) as { bookings: Array<{ yybh: string; zt: string; sqr: { sjhm: string } }> };
    const booked = bookings.find((b) => number.includes(b.yybh));
    expect(booked?.zt).toBe('2');
    expect(booked?.sqr.sjhm).toBe(phone);

    await page.goto(`${stack.url}/#/packages/halls/pages/appointments/index`);
    await page.locator('#page-appointments #appointments-list').waitFor();
    await screenshot(page, 'halls-07-my-appointments');
  });

  it('when a ticket is taken remotely at an open hall, then its number and the people ahead show', async () => {
    await page.goto(`${stack.url}/#/packages/halls/pages/list/index`);
    await page.locator('#page-halls #halls-list [id^="hall-"]').first().tap();
    await page.locator('#page-hall #hall-name').waitFor();
    await screenshot(page, 'halls-08-hall-detail');
    await page.locator('#page-hall #hall-ticket').tap();

    await page.locator('#page-ticket #ticket-submit').waitFor();
    await page.locator('#page-ticket [id^="ticket-business-"]').first().tap();
    await page.locator('#page-ticket #ticket-submit').tap();

    await page.locator('#page-ticket #ticket-number').waitFor();
    const ticketNumber = (await page.locator('#ticket-number').innerText()).trim();
    expect(ticketNumber).toMatch(/^[A-Z]\d+/);
    // Everyone ahead holds an earlier number of the same queue.
    const ahead = Number(/前面还有 (\d+) 人/.exec(await page.locator('#ticket-ahead').innerText())?.[1] ?? 0);
    expect(Number(ticketNumber.slice(1))).toBeGreaterThan(ahead);
    await screenshot(page, 'halls-09-ticket');
  });

  it('when 自助服务 is opened, then stations and terminals near me list with their services', async () => {
    await page.goto(stack.url);
    await visible('#entry-stations').tap();

    await page.locator('#page-stations #stations-list [id^="station-"]').first().waitFor();
    await expect(page.locator('#stations-count').innerText()).resolves.toMatch(/\d/);
    await page.locator('#stations-map-dot-1').waitFor();
    await expect(page.locator('#stations-list [id$="-machines"]').first().innerText()).resolves.toMatch(/ZDJ\d{10}/);
    const names = await page.locator('#stations-list .station-card__name').allInnerTexts();
    const addresses = await page.locator('#stations-list .station-card__line:first-of-type').allInnerTexts();
    const places = names.map((name, i) => `${name}|${addresses[i] ?? ''}`);
    expect(new Set(places).size).toBe(places.length);
    await screenshot(page, 'halls-10-stations');
  });

  it('when the halls have closed for the day, then each says so and when it opens, without a wait', async () => {
    // 18:30 the same weekday: most halls close at 17:00 (a few have 5+X evenings).
    const evening = msUntilWeekdayAt(new Date(Date.now() + shift), 18, 30);
    shift += evening;
    await stack.advanceTime(evening);
    await page.goto(`${stack.url}/#/packages/halls/pages/list/index`);

    const closed = page.locator('#page-halls #halls-list [id^="hall-"][id$="-open"]', { hasText: '已下班' });
    await closed.first().waitFor();
    await expect(closed.first().innerText()).resolves.toMatch(/09:00 开放/);
    await screenshot(page, 'halls-11-closed');
    expect(pageErrors).toEqual([]);
  });
});
