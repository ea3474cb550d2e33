/**
 * The pages of the mini-program's published version (现网版本), as its
 * app.json lists them: the main package, then each subpackage's root plus
 * page. WeChat refuses a subscribe message whose `page` is not one of them
 * (41030). miniapp/test/weapp-build.test.ts keeps this list equal to
 * miniapp/src/app.config.ts.
 */
export const PUBLISHED_PAGES: readonly string[] = [
  'pages/home/index',
  'pages/services/index',
  'pages/me/index',
  ...subpackage('packages/account', ['pages/login/index', 'pages/sessions/index']),
  ...subpackage('packages/catalog', [
    'pages/search/index',
    'pages/list/index',
    'pages/item/index',
    'pages/packages/index',
    'pages/package/index',
    'pages/favorites/index',
  ]),
  ...subpackage('packages/apply', [
    'pages/real-name/index',
    'pages/form/index',
    'pages/review/index',
    'pages/receipt/index',
    'pages/package-form/index',
  ]),
  ...subpackage('packages/cases', [
    'pages/list/index',
    'pages/detail/index',
    'pages/messages/index',
    'pages/lookup/index',
  ]),
  ...subpackage('packages/addresses', ['pages/list/index', 'pages/edit/index']),
  ...subpackage('packages/vehicles', [
    'pages/list/index',
    'pages/detail/index',
    'pages/licence/index',
    'pages/violations/index',
    'pages/violation/index',
    'pages/violation-handle/index',
    'pages/e-card/index',
    'pages/downgrade/index',
    'pages/mortgage-release/index',
  ]),
  ...subpackage('packages/halls', [
    'pages/list/index',
    'pages/detail/index',
    'pages/book/index',
    'pages/appointments/index',
    'pages/appointment/index',
    'pages/recommend/index',
    'pages/ticket/index',
    'pages/stations/index',
  ]),
  ...subpackage('packages/feedback', [
    'pages/rate/index',
    'pages/complaints/index',
    'pages/complaint-new/index',
    'pages/complaint/index',
    'pages/hot-topics/index',
  ]),
  ...subpackage('packages/identity', ['pages/check/index', 'pages/binding/index', 'pages/reveal/index']),
  ...subpackage('packages/privacy', [
    'pages/usage/index',
    'pages/deletion/index',
    'pages/export/index',
    'pages/notice/index',
  ]),
  ...subpackage('packages/pay', [
    'pages/pay/index',
    'pages/result/index',
    'pages/orders/index',
    'pages/order/index',
    'pages/receipt/index',
  ]),
  ...subpackage('packages/wallet', [
    'pages/index/index',
    'pages/item/index',
    'pages/share/index',
    'pages/shares/index',
    'pages/verify/index',
    'pages/residence/index',
    'pages/residence-card/index',
  ]),
  ...subpackage('packages/family', [
    'pages/index/index',
    'pages/add-child/index',
    'pages/add-adult/index',
    'pages/member/index',
    'pages/pick/index',
  ]),
];

function subpackage(root: string, pages: readonly string[]): string[] {
  return pages.map((page) => `${root}/${page}`);
}

const KNOWN = new Set(PUBLISHED_PAGES);

/**
 * Whether a subscribe message's `page` opens a page of the published
 * version: a path exactly as app.json has it (no leading "/", no ".html"),
 * optionally with a query string.
 */
export function isPublishedPage(page: string): boolean {
  const [path = ''] = page.split('?', 1);
  return KNOWN.has(path);
}
