import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { escapeHtml, inlineStylesheets, jsonForScript, renderIndex } from './h5-index';

/** index.html as the H5 build minifies it: the first screen's two slots, quotes kept or dropped. */
const TEMPLATE =
  '<html><head><link href="/css/app.1234abcd.css" rel="stylesheet"></head><body><div id="sj-shell">' +
  '<div id="sj-shell-catalog"></div></div><script type="application/json" id="sj-home-data">null</script>' +
  '<div id="app"></div></body></html>';

describe('h5-index: 首页 first screen written into index.html', () => {
  it('when catalog text holds markup, then escapeHtml turns it into text', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe(
      '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;',
    );
  });

  it('when data holds </script> or line separators, then jsonForScript keeps it inside the element and parses back', () => {
    const data = { name: '</script><script>alert(1)</script> & <!-- \u2028\u2029' };

    const json = jsonForScript(data);

    expect(json).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('when there is a first screen, then its markup and data fill the slots and the rest is unchanged', () => {
    const html = renderIndex(TEMPLATE, { html: '<div class="home-hot">A</div>', data: { hot: 1 } });

    expect(html).toContain('<div id="sj-shell-catalog"><div class="home-hot">A</div></div>');
    expect(html).toContain('<script type="application/json" id="sj-home-data">{"hot":1}</script>');
    expect(html.replace(/<div id="sj-shell-catalog">.*?<\/div><\/div>/, '')).toContain('<div id="app"></div>');
  });

  it('when the minifier dropped the quotes, then the slots are still found', () => {
    const unquoted = TEMPLATE.replace('id="sj-shell-catalog"', 'id=sj-shell-catalog').replace(
      'type="application/json" id="sj-home-data"',
      'type=application/json id=sj-home-data',
    );

    const html = renderIndex(unquoted, { html: 'HOT', data: [] });

    expect(html).toContain('<div id="sj-shell-catalog">HOT</div>');
    expect(html).toContain('id="sj-home-data">[]</script>');
  });

  it('when there is no first screen, then the page is served as built', () => {
    expect(renderIndex(TEMPLATE, null)).toBe(TEMPLATE);
  });

  describe('inlineStylesheets', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'suijing-h5-index-'));
    mkdirSync(path.join(dir, 'css'));
    writeFileSync(path.join(dir, 'css/app.1234abcd.css'), '.sj-page{color:#1a5fd6}');
    writeFileSync(path.join(dir, 'css/evil.1234abcd.css'), '.a{}</style><script>alert(1)</script>');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("when index.html links the build's stylesheet, then its rules are written in and the link is gone", () => {
      const html = inlineStylesheets(TEMPLATE, dir);

      expect(html).toContain('<head><style>.sj-page{color:#1a5fd6}</style></head>');
      expect(html).not.toContain('<link');
    });

    it('when a stylesheet is missing, outside the build, or would end the style element, then it stays linked', () => {
      const links = [
        '<link href="/css/gone.1234abcd.css" rel="stylesheet">',
        '<link href="/css/../../etc/passwd.css" rel="stylesheet">',
        '<link href="/css/evil.1234abcd.css" rel="stylesheet">',
      ].join('');

      expect(inlineStylesheets(links, dir)).toBe(links);
    });
  });
});
