/**
 * Main package: the three tab pages only (WeChat requires tab pages there).
 * Every feature area is a subpackage so the main package stays small.
 */
export default defineAppConfig({
  pages: ['pages/home/index', 'pages/services/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/account',
      pages: ['pages/login/index', 'pages/sessions/index'],
    },
    {
      // The catalog beyond the tab pages: search, lists, item guides, 一件事, favourites.
      root: 'packages/catalog',
      pages: [
        'pages/search/index',
        'pages/list/index',
        'pages/item/index',
        'pages/packages/index',
        'pages/package/index',
        'pages/favorites/index',
      ],
    },
    {
      // 在线办理: real-name verification, the item form, review and receipt.
      root: 'packages/apply',
      pages: [
        'pages/real-name/index',
        'pages/form/index',
        'pages/review/index',
        'pages/receipt/index',
        'pages/package-form/index',
      ],
    },
    {
      // 办件进度: my cases, a case, messages, and the lookup by case number.
      root: 'packages/cases',
      pages: ['pages/list/index', 'pages/detail/index', 'pages/messages/index', 'pages/lookup/index'],
    },
    {
      // 收件地址簿: the addresses a result sent by post goes to.
      root: 'packages/addresses',
      pages: ['pages/list/index', 'pages/edit/index'],
    },
    {
      // 车驾管: my vehicles, my driving licence, violations, the e-licence card, 自愿降级 and 解除抵押.
      root: 'packages/vehicles',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/licence/index',
        'pages/violations/index',
        'pages/violation/index',
        'pages/violation-handle/index',
        'pages/e-card/index',
        'pages/downgrade/index',
        'pages/mortgage-release/index',
      ],
    },
    {
      // 线下办事: halls and their live queues, 预约 and 我的预约, 远程取号, the recommendation, 自助服务点.
      root: 'packages/halls',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/book/index',
        'pages/appointments/index',
        'pages/appointment/index',
        'pages/recommend/index',
        'pages/ticket/index',
        'pages/stations/index',
      ],
    },
    {
      // 好差评 and 诉求: rating a finished case, complaints and suggestions (12345 loop), 民声热点榜.
      root: 'packages/feedback',
      pages: [
        'pages/rate/index',
        'pages/complaints/index',
        'pages/complaint-new/index',
        'pages/complaint/index',
        'pages/hot-topics/index',
      ],
    },
    {
      // 实名与实人: 本人认证 (刷脸 / 网证), 实名与绑定 with its history, the full ID number on one screen.
      root: 'packages/identity',
      pages: ['pages/check/index', 'pages/binding/index', 'pages/reveal/index'],
    },
    {
      // The person's rights over their data: 个人信息使用记录, 注销账号, 下载个人信息副本, and the 隐私保护指引 itself.
      root: 'packages/privacy',
      pages: ['pages/usage/index', 'pages/deletion/index', 'pages/export/index', 'pages/notice/index'],
    },
    {
      // 缴款: pay a fine or a fee, the result, 我的缴费 with each order and its 电子票据.
      root: 'packages/pay',
      pages: [
        'pages/pay/index',
        'pages/result/index',
        'pages/orders/index',
        'pages/order/index',
        'pages/receipt/index',
      ],
    },
    {
      // 证照夹: every certificate I hold, 出示 with a scoped link and its record, the public 核验 page, 我的居住证 and 电子居住证.
      root: 'packages/wallet',
      pages: [
        'pages/index/index',
        'pages/item/index',
        'pages/share/index',
        'pages/shares/index',
        'pages/verify/index',
        'pages/residence/index',
        'pages/residence-card/index',
      ],
    },
    {
      // 我的家人: the children and adults I act for, choosing one for an item, and who may act for me.
      root: 'packages/family',
      pages: [
        'pages/index/index',
        'pages/add-child/index',
        'pages/add-adult/index',
        'pages/member/index',
        'pages/pick/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '穗警通',
    navigationBarBackgroundColor: '#1a5fd6',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'dark',
    // Explicit so the H5 build also draws a title bar with a back button
    // (weapp shows its native bar either way).
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#6b717b',
    selectedColor: '#1a5fd6',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/services/index',
        text: '办事',
        iconPath: 'assets/tabbar/services.png',
        selectedIconPath: 'assets/tabbar/services-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  // Inject only the components a page actually uses (smaller startup cost on weapp).
  lazyCodeLoading: 'requiredComponents',
  // Which pages WeChat search may index: public information only (the build copies src/sitemap.json).
  sitemapLocation: 'sitemap.json',
  // 办事大厅 and 自助服务点 sort by distance: WeChat asks the user with this reason, once.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于查找离您最近的办事大厅和自助服务点' },
  },
});
