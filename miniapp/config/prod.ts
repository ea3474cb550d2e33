import type { UserConfigExport } from '@tarojs/cli';

/** Production builds use the base config as is; this file is where overrides would go. */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
