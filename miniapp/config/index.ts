import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin';
import devConfig from './dev';
import prodConfig from './prod';
import { WEAPP_BROWSERSLIST, WEAPP_RUNTIME, WEAPP_TERSER } from './weapp-size';

/**
 * Taro build config for both targets. Written by hand: `taro init` fetches
 * its templates from git hosts, which this project cannot rely on.
 */

/** NutUI is designed on a 375-wide canvas, our own styles on 750 (WeChat's rpx). */
function designWidth(input?: unknown): number {
  const file =
    typeof input === 'object' && input !== null && 'file' in input && typeof input.file === 'string' ? input.file : '';
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

/**
 * The tab bar's icons as index.html's first screen draws them (src/index.html): the same images the
 * tab bar shows, inlined so that screen needs no request beyond the page and its stylesheet.
 */
function tabIcons(): Record<'home' | 'services' | 'me', string> {
  const icon = (name: string) =>
    `data:image/png;base64,${readFileSync(path.join(__dirname, `../src/assets/tabbar/${name}.png`)).toString('base64')}`;
  return { home: icon('home-active'), services: icon('services'), me: icon('me') };
}

interface ProgressChain {
  plugins: { has(name: string): boolean };
  plugin(name: string): { tap(f: (args: Array<{ reporters?: unknown[] }>) => unknown[]): unknown };
}

/**
 * Off a terminal (npm start or npm test writing to a log file, CI) webpackbar's redrawn bar is a
 * flood of escape codes and repeated lines: keep its plain reporters (one line at start and end).
 */
function plainProgressOffTerminal(chain: ProgressChain): void {
  if (process.stdout.isTTY || !chain.plugins.has('webpackbar')) return;
  chain
    .plugin('webpackbar')
    .tap(([options = {}]) => [
      { ...options, reporters: (options.reporters ?? ['basic']).filter((reporter) => reporter !== 'fancy') },
    ]);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const platform = process.env.TARO_ENV ?? 'weapp';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'suijing',
    date: '2026-11-28',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // One folder per target, so the BFF can serve dist/h5 and DevTools dist/weapp.
    outputRoot: `dist/${platform}`,
    plugins: [],
    // Baseline for every TARO_APP_* key so code never meets an undefined
    // `process.env.X` (weapp has no `process`); .env.<mode> files override these.
    env: {
      TARO_APP_API_BASE: JSON.stringify(''),
      TARO_APP_SANDBOX_URL: JSON.stringify(''),
      // WeChat subscribe-message template ids by key, a JSON object (empty: no notices are offered).
      TARO_APP_SUBSCRIBE_TEMPLATES: JSON.stringify('{}'),
    },
    defineConstants: {},
    // WeChat reads sitemap.json (which pages its search may index) from the package root; app.config names it.
    copy: {
      patterns: platform === 'weapp' ? [{ from: 'src/sitemap.json', to: `dist/${platform}/sitemap.json` }] : [],
      options: {},
    },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    ...(platform === 'weapp' ? { terser: { enable: true, config: WEAPP_TERSER } } : {}),
    mini: {
      runtime: WEAPP_RUNTIME,
      // base.wxml (the templates every page renders through) is loaded with the main package.
      minifyXML: { collapseWhitespace: true },
      // Our styles are BEM-scoped, so chunk CSS order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        plainProgressOffTerminal(chain);
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // The BFF serves dist/h5 statically at `/` without a single-page fallback.
      router: { mode: 'hash' },
      // Emitted as /favicon.ico and linked from index.html, so browsers stop asking for a missing one.
      htmlPluginOption: { favicon: path.join(__dirname, '../src/assets/favicon.ico'), tabIcons: tabIcons() },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin);
        plainProgressOffTerminal(chain);
        // Taro splits only initial chunks; pages are lazy chunks, so without
        // this every page chunk carries its own copy of the NutUI components.
        chain.optimization.merge({ splitChunks: { chunks: 'all' } });
        // 首页, where nearly every visit starts, is built into the entry: it comes
        // with the app's JavaScript instead of as a second round of requests
        // once the app has run (the router's import() of it resolves at once).
        chain.entry('app').add(path.join(__dirname, '../src/pages/home/index'));
      },
    },
  };

  process.env.BROWSERSLIST_ENV = process.env.NODE_ENV;
  // The H5 runtime (Taro's web components, custom elements v1) runs only on modern
  // browsers, so package.json's ES5-era list (Android 4.1, iOS 8) only made the H5
  // bundle bigger and slower to start (generators for async, class helpers).
  // WeChat's in-app browser and system WebViews are all past these versions.
  if (platform === 'h5') process.env.BROWSERSLIST = 'chrome >= 64, ios_saf >= 12, safari >= 12';
  if (platform === 'weapp') process.env.BROWSERSLIST = WEAPP_BROWSERSLIST;
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
