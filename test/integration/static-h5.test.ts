import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startTestStack, type TestStack } from '../support/stack';

/** The tab icon the H5 build emits at its root (miniapp/config: htmlPluginOption.favicon). */
const FAVICON = path.resolve(__dirname, '../../miniapp/src/assets/favicon.ico');

/** The H5 build as `npm run build` leaves it: hashed assets, some with brotli and gzip copies, the favicon. */
function h5Build(): { dir: string; script: string; style: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'suijing-h5-'));
  mkdirSync(path.join(dir, 'js'));
  mkdirSync(path.join(dir, 'css'));
  const script = `window.app = ${JSON.stringify('穗警通 '.repeat(500))};\n`;
  const style = '.sj-page { color: #1a5fd6; }\n';
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>穗警通</title><div id="app"></div>');
  writeFileSync(path.join(dir, 'js/app.1c6a7bb5.js'), script);
  writeFileSync(path.join(dir, 'js/app.1c6a7bb5.js.br'), brotliCompressSync(script));
  writeFileSync(path.join(dir, 'js/app.1c6a7bb5.js.gz'), gzipSync(script));
  writeFileSync(path.join(dir, 'css/app.826c5224.css'), style);
  copyFileSync(FAVICON, path.join(dir, 'favicon.ico'));
  return { dir, script, style };
}

describe('static H5 build: compressed copies, cache headers, the favicon', () => {
  const build = h5Build();
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ STATIC_DIR: build.dir });
  });
  afterAll(async () => {
    await stack.close();
    rmSync(build.dir, { recursive: true, force: true });
  });

  it('when the browser accepts brotli, then the brotli copy is sent, and it decodes to the script', async () => {
    const res = await stack.api().get('/js/app.1c6a7bb5.js').set('Accept-Encoding', 'gzip, deflate, br');

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(Number(res.headers['content-length'])).toBeLessThan(Buffer.byteLength(build.script) / 4);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.text).toBe(build.script);
  });

  it('when the browser accepts only gzip, then the gzip copy is sent', async () => {
    const res = await stack.api().get('/js/app.1c6a7bb5.js').set('Accept-Encoding', 'gzip');

    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toBe(build.script);
  });

  it('when the browser accepts no compression, or a file has no compressed copy, then the file is sent as is', async () => {
    const plain = await stack.api().get('/js/app.1c6a7bb5.js').set('Accept-Encoding', 'identity');
    const style = await stack.api().get('/css/app.826c5224.css').set('Accept-Encoding', 'gzip, deflate, br');

    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(build.script);
    expect(style.headers['content-encoding']).toBeUndefined();
    expect(style.text).toBe(build.style);
  });

  it('when a hashed asset is served, then browsers keep it for a year, and caches key on the encoding', async () => {
    const script = await stack.api().get('/js/app.1c6a7bb5.js').set('Accept-Encoding', 'br');
    const style = await stack.api().get('/css/app.826c5224.css');

    for (const res of [script, style]) {
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['vary']).toMatch(/Accept-Encoding/);
    }
  });

  it('when the page itself is served, then it is revalidated on every visit, so a deploy shows at once', async () => {
    const res = await stack.api().get('/').set('Accept-Encoding', 'gzip, deflate, br');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toContain('<div id="app"></div>');
  });

  it('when the browser asks for /favicon.ico, then it gets the app icon as image/x-icon', async () => {
    const res = await stack
      .api()
      .get('/favicon.ico')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/x-icon');
    const body = res.body as Buffer;
    expect(body.equals(readFileSync(FAVICON))).toBe(true);
    // An ICO directory (reserved 0, type 1) holding at least the 16 and 32 px images browsers pick.
    expect(body.readUInt16LE(0)).toBe(0);
    expect(body.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: body.readUInt16LE(4) }, (_, i) => body[6 + 16 * i]);
    expect(sizes).toEqual(expect.arrayContaining([16, 32]));
  });

  it('when an API route answers, then it keeps its own no-store policy', async () => {
    const res = await stack.api().get('/api/v1/items/hot');

    expect(res.headers['cache-control']).toBe('no-store');
  });
});
