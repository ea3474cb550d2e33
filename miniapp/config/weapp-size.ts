/**
 * What keeps the weapp main package small (WeChat loads all of it before the first page shows;
 * the budget is 400 KB, scripts/build.mjs reports it). Only the weapp build uses these:
 * H5 has its own minifier defaults and browser list (config/index.ts).
 */

/**
 * The syntax the weapp code is compiled down to. project.config.json pins base library 3.8.12
 * (人脸核身), which only the current WeChat 8.0.x clients run, and those install only on
 * iOS ≥ 12 and Android ≥ 7 (Chrome-based V8): classes, arrow functions, async/await and
 * object spread run natively there. Compiling them away (package.json's ES5-era list, for
 * iOS 8) cost ~25 KB of helpers and regenerator code in the main package alone.
 */
export const WEAPP_BROWSERSLIST = 'chrome >= 64, ios_saf >= 12, safari >= 12';

/**
 * Taro's terser preset for mini-programs turns most compression off (inlining, variable
 * reduction, ...) and escapes every Chinese character as `\uXXXX` (6 bytes instead of UTF-8's
 * 3; WeChat reads UTF-8 code files). These are terser's own defaults, the ones the H5 build
 * already runs the same code through; merged over Taro's preset.
 */
export const WEAPP_TERSER = {
  parse: { ecma: 2020 },
  compress: {
    ecma: 2017,
    passes: 2,
    arrows: true,
    collapse_vars: true,
    comparisons: true,
    computed_props: true,
    hoist_props: true,
    inline: true,
    loops: true,
    negate_iife: true,
    properties: true,
    reduce_funcs: true,
    reduce_vars: true,
    switches: true,
    typeofs: true,
  },
  output: { ecma: 2017, ascii_only: false },
} as const;

/**
 * Taro's DOM runtime features the app never uses, so their code stays out of taro.js: the
 * HTML parser behind `innerHTML` (no page sets HTML; rich text would come through RichText).
 */
export const WEAPP_RUNTIME = { enableInnerHTML: false } as const;
