import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PUBLISHED_PAGES } from '../../sandbox/src/systems/wechat/published-pages';

/**
 * The WeChat build's configuration: the pages WeChat knows (the sandbox refuses a subscribe message
 * for any other page, 41030), the sitemap (nothing personal indexed) and the base library pinned in
 * project.config.json (the build checks its output has both files: scripts/build.mjs).
 */

const ROOT = path.join(__dirname, '..');

interface AppConfig {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
  sitemapLocation?: string;
}

interface SitemapRule {
  action: 'allow' | 'disallow';
  page: string;
}

async function appConfig(): Promise<AppConfig> {
  // Taro provides defineAppConfig as a global at build time.
  Object.assign(globalThis, { defineAppConfig: (config: AppConfig) => config });
  return ((await import('../src/app.config')) as { default: AppConfig }).default;
}

function pagesOf(config: AppConfig): string[] {
  return [...config.pages, ...config.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
}

function sourceText(dir = path.join(ROOT, 'src')): string {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

/** The lowest base library (基础库) of each WeChat API or setting the code may use, from WeChat's API docs. */
const MINIMUM_BASE_LIBRARY: Readonly<Record<string, string>> = {
  requestFacialVerify: '3.8.12',
  getPrivacySetting: '2.32.3',
  onNeedPrivacyAuthorization: '2.32.3',
  openPrivacyContract: '2.32.3',
  agreePrivacyAuthorization: '2.32.3',
  getAppBaseInfo: '2.20.1',
  shareFileMessage: '2.16.1',
  lazyCodeLoading: '2.11.1',
  chooseMedia: '2.10.0',
  chooseMessageFile: '2.5.0',
  requestSubscribeMessage: '2.4.4',
};

function compareVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i += 1) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

describe('the WeChat build', () => {
  it('when the app config is compared with the published pages the sandbox checks subscribe messages against, then they are the same', async () => {
    // Arrange / Act
    const pages = pagesOf(await appConfig());

    // Assert: a page added to app.config.ts goes into sandbox/src/systems/wechat/published-pages.ts too
    expect(pages).toEqual(PUBLISHED_PAGES);
  });

  it('when the sitemap is read, then the app names it and it allows only public pages of the app, disallowing every other', async () => {
    // Arrange
    const config = await appConfig();
    const pages = new Set(pagesOf(config));
    const publicPage =
      /^(pages\/(home|services)\/index|packages\/catalog\/pages\/(list|item|packages|package)\/index|packages\/halls\/pages\/(list|detail)\/index)$/;

    // Act
    const { rules } = readJson<{ rules: SitemapRule[] }>('src/sitemap.json');
    const allowed = rules.filter((rule) => rule.action === 'allow').map((rule) => rule.page);

    // Assert
    expect(config.sitemapLocation).toBe('sitemap.json');
    expect(rules.at(-1)).toEqual({ action: 'disallow', page: '*' });
    expect(allowed.length).toBeGreaterThan(0);
    for (const page of allowed) {
      expect(pages.has(page)).toBe(true);
      expect(page).toMatch(publicPage);
    }
  });

  it('when the WeChat APIs the code uses are listed, then project.config.json pins libVersion to the highest base library they need', () => {
    // Arrange
    const code = `${sourceText()}\n${readFileSync(path.join(ROOT, 'src/app.config.ts'), 'utf8')}`;

    // Act
    const used = Object.entries(MINIMUM_BASE_LIBRARY).filter(([api]) => new RegExp(`\\b${api}\\b`).test(code));
    const needed = used
      .map(([, version]) => version)
      .sort(compareVersions)
      .at(-1);
    const project = readJson<{ libVersion?: string; appid?: string; miniprogramRoot?: string }>('project.config.json');

    // Assert
    expect(used.map(([api]) => api)).toContain('requestFacialVerify');
    expect(project.libVersion).toBe(needed);
    expect(project.miniprogramRoot).toBe('dist/weapp/');
  });
});
