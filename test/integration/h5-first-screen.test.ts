import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CategoriesResponse, HotItemsResponse } from '@suijing/shared';
import { startTestStack, type TestStack } from '../support/stack';

/** The first screen's script, as index.html carries it inline (its hash goes into the CSP). */
const SHELL_SCRIPT = "document.currentScript.parentNode.classList.add('care-mode')";

/** An H5 build whose index.html has 首页's first screen with its two slots (miniapp/src/index.html). */
function h5Build(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suijing-h5-shell-'));
  mkdirSync(path.join(dir, 'css'));
  writeFileSync(path.join(dir, 'css/app.826c5224.css'), '.home-hot{color:#1a5fd6}');
  writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><link href="/css/app.826c5224.css" rel="stylesheet"></head><body>' +
      `<div id="sj-shell"><div class="sj-page"><script>${SHELL_SCRIPT}</script><div id="sj-shell-catalog"></div></div></div>` +
      '<script type="application/json" id="sj-home-data">null</script><div id="app"></div></body></html>',
  );
  return dir;
}

function homeData(html: string): { hot: HotItemsResponse; categories: CategoriesResponse } {
  const json = /<script type="application\/json" id="sj-home-data">(.*?)<\/script>/.exec(html)?.[1];
  return JSON.parse(json ?? 'null') as { hot: HotItemsResponse; categories: CategoriesResponse };
}

describe('H5 index.html with 首页 first screen written in by the BFF', () => {
  const dir = h5Build();
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ STATIC_DIR: dir });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when 首页 is opened, then the page carries the hot items as 首页 shows them and the answers it would ask for', async () => {
    const hot = (await stack.api().get('/api/v1/items/hot')).body as HotItemsResponse;
    const categories = (await stack.api().get('/api/v1/categories')).body as CategoriesResponse;

    const res = await stack.api().get('/').set('Accept-Encoding', 'gzip, deflate, br');

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const firstSix = hot.items.slice(0, 6);
    expect(res.text.match(/class="home-hot__item"/g)).toHaveLength(firstSix.length);
    for (const item of firstSix) expect(res.text).toContain(`<span class="home-hot__name">${item.name}</span>`);
    const data = homeData(res.text);
    expect(data.hot.items).toEqual(hot.items);
    expect(data.hot.catalog.version).toBe(hot.catalog.version);
    expect(data.categories.policeTypes).toEqual(categories.policeTypes);
    expect(data.categories.lifeEvents).toEqual(categories.lifeEvents);
  });

  it("when the page is served, then the build's stylesheet is in it, so nothing else holds up its first paint", async () => {
    const res = await stack.api().get('/index.html').set('Accept-Encoding', 'identity');

    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toContain('<style>.home-hot{color:#1a5fd6}</style>');
    expect(res.text).not.toContain('<link href="/css/');
  });

  it("when the page is served, then the CSP allows the first screen's inline script by its hash", async () => {
    const res = await stack.api().get('/');

    const hash = createHash('sha256').update(SHELL_SCRIPT).digest('base64');
    expect(res.headers['content-security-policy']).toContain(`'sha256-${hash}'`);
  });

  it('when the browser revalidates with the ETag it has, then the answer is 304 without a body', async () => {
    const first = await stack.api().get('/').set('Accept-Encoding', 'gzip');

    const again = await stack
      .api()
      .get('/')
      .set('Accept-Encoding', 'gzip')
      .set('If-None-Match', String(first.headers['etag']));

    expect(first.headers['content-encoding']).toBe('gzip');
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers['vary']).toMatch(/Accept-Encoding/);
    expect(again.status).toBe(304);
    expect(again.text).toBeFalsy();
  });
});
