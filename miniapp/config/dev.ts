import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {
    devServer: {
      port: 10086,
      // The BFF runs on :8080 in development; proxy keeps the H5 dev build same-origin
      // (no CORS needed) exactly like production, where the BFF serves dist/h5 itself.
      proxy: [{ context: ['/api'], target: 'http://localhost:8080', changeOrigin: true }],
    },
  },
} satisfies UserConfigExport<'webpack5'>;
