import Taro from '@tarojs/taro';

/** Page paths in one place, so a moved page is one edit. */
export const ROUTES = {
  home: '/pages/home/index',
  services: '/pages/services/index',
  me: '/pages/me/index',
  login: '/packages/account/pages/login/index',
  sessions: '/packages/account/pages/sessions/index',
  search: '/packages/catalog/pages/search/index',
  list: '/packages/catalog/pages/list/index',
  item: '/packages/catalog/pages/item/index',
  packages: '/packages/catalog/pages/packages/index',
  package: '/packages/catalog/pages/package/index',
  favorites: '/packages/catalog/pages/favorites/index',
  realName: '/packages/apply/pages/real-name/index',
  form: '/packages/apply/pages/form/index',
  review: '/packages/apply/pages/review/index',
  receipt: '/packages/apply/pages/receipt/index',
  packageForm: '/packages/apply/pages/package-form/index',
  cases: '/packages/cases/pages/list/index',
  caseDetail: '/packages/cases/pages/detail/index',
  messages: '/packages/cases/pages/messages/index',
  lookup: '/packages/cases/pages/lookup/index',
  vehicles: '/packages/vehicles/pages/list/index',
  vehicle: '/packages/vehicles/pages/detail/index',
  drivingLicence: '/packages/vehicles/pages/licence/index',
  violations: '/packages/vehicles/pages/violations/index',
  violation: '/packages/vehicles/pages/violation/index',
  violationHandle: '/packages/vehicles/pages/violation-handle/index',
  eCard: '/packages/vehicles/pages/e-card/index',
  downgrade: '/packages/vehicles/pages/downgrade/index',
  mortgageRelease: '/packages/vehicles/pages/mortgage-release/index',
  halls: '/packages/halls/pages/list/index',
  hall: '/packages/halls/pages/detail/index',
  hallBook: '/packages/halls/pages/book/index',
  appointments: '/packages/halls/pages/appointments/index',
  appointment: '/packages/halls/pages/appointment/index',
  hallRecommend: '/packages/halls/pages/recommend/index',
  ticket: '/packages/halls/pages/ticket/index',
  stations: '/packages/halls/pages/stations/index',
  rate: '/packages/feedback/pages/rate/index',
  complaints: '/packages/feedback/pages/complaints/index',
  complaintNew: '/packages/feedback/pages/complaint-new/index',
  complaint: '/packages/feedback/pages/complaint/index',
  hotTopics: '/packages/feedback/pages/hot-topics/index',
  inPersonCheck: '/packages/identity/pages/check/index',
  binding: '/packages/identity/pages/binding/index',
  reveal: '/packages/identity/pages/reveal/index',
  dataUsage: '/packages/privacy/pages/usage/index',
  deletion: '/packages/privacy/pages/deletion/index',
  dataExport: '/packages/privacy/pages/export/index',
  privacyNotice: '/packages/privacy/pages/notice/index',
  pay: '/packages/pay/pages/pay/index',
  payResult: '/packages/pay/pages/result/index',
  payOrders: '/packages/pay/pages/orders/index',
  payOrder: '/packages/pay/pages/order/index',
  payReceipt: '/packages/pay/pages/receipt/index',
  addresses: '/packages/addresses/pages/list/index',
  addressEdit: '/packages/addresses/pages/edit/index',
  family: '/packages/family/pages/index/index',
  familyAddChild: '/packages/family/pages/add-child/index',
  familyAddAdult: '/packages/family/pages/add-adult/index',
  familyMember: '/packages/family/pages/member/index',
  familyPick: '/packages/family/pages/pick/index',
  wallet: '/packages/wallet/pages/index/index',
  walletItem: '/packages/wallet/pages/item/index',
  walletShare: '/packages/wallet/pages/share/index',
  walletShares: '/packages/wallet/pages/shares/index',
  walletVerify: '/packages/wallet/pages/verify/index',
  residence: '/packages/wallet/pages/residence/index',
  residenceCard: '/packages/wallet/pages/residence-card/index',
} as const;

/** Tab pages: reached with switchTab (navigateTo and redirectTo cannot open them). */
const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.services, ROUTES.me];

/** `path?a=1&b=2`, skipping empty values; values are URI-encoded (names are Chinese). */
export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    value === undefined || value === '' ? [] : [`${key}=${encodeURIComponent(value)}`],
  );
  return pairs.length > 0 ? `${path}?${pairs.join('&')}` : path;
}

/**
 * A page parameter as text. Neither WeChat nor Taro's H5 router decodes
 * query values, so an encoded Chinese title arrives as %E5…: decode once,
 * and keep the raw text if it is not valid percent-encoding.
 */
export function routeParam(params: Partial<Record<string, string>>, key: string): string {
  const raw = params[key] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function itemUrl(code: string): string {
  return withQuery(ROUTES.item, { code });
}

/** The item form; with `memberId`, filed for that family member (their identity, me as the one acting). */
export function formUrl(code: string, memberId?: string): string {
  return withQuery(ROUTES.form, { code, memberId });
}

/** 家人详情 by the link's opaque id. */
export function familyMemberUrl(memberId: string): string {
  return withQuery(ROUTES.familyMember, { memberId });
}

/** 一件事 在线办理: the package's combined form. */
export function packageFormUrl(code: string): string {
  return withQuery(ROUTES.packageForm, { code });
}

export function caseUrl(caseNo: string): string {
  return withQuery(ROUTES.caseDetail, { caseNo });
}

/** 车辆详情 by the vehicle's opaque id (never the plate). */
export function vehicleUrl(id: string): string {
  return withQuery(ROUTES.vehicle, { id });
}

/** 违法详情 by the record's opaque id (never the 违法编号). */
export function violationUrl(id: string): string {
  return withQuery(ROUTES.violation, { id });
}

/** 违法处理 of one record: the consequences, the confirmation and the 决定书. */
export function violationHandleUrl(id: string): string {
  return withQuery(ROUTES.violationHandle, { id });
}

export function mortgageReleaseUrl(vehicleId: string): string {
  return withQuery(ROUTES.mortgageRelease, { id: vehicleId });
}

/** 缴款 of a thing: a fine by its 决定书编号, or a case's fee by the case number. */
export function payUrl(thing: { kind: 'fine'; decisionNo: string } | { kind: 'fee'; caseId: string }): string {
  return thing.kind === 'fine'
    ? withQuery(ROUTES.pay, { kind: 'fine', decisionNo: thing.decisionNo })
    : withQuery(ROUTES.pay, { kind: 'fee', caseId: thing.caseId });
}

/** One payment order (我的缴费 › 订单详情) by its opaque id. */
export function payOrderUrl(orderId: string): string {
  return withQuery(ROUTES.payOrder, { id: orderId });
}

/** 办件评价 of a finished case (the form, or the rating once given). */
export function rateUrl(caseNo: string): string {
  return withQuery(ROUTES.rate, { caseNo });
}

/** 诉求详情 by its 工单号. */
export function complaintUrl(id: string): string {
  return withQuery(ROUTES.complaint, { id });
}

/** 实名认证, then on to `next` (a page URL) or back where the user came from. */
export function realNameUrl(next?: string): string {
  return withQuery(ROUTES.realName, { next });
}

/**
 * 本人认证 (刷脸 / 网证), then on to `next` or back. `withinSeconds`: how
 * recent the check must be (300 for 出示二维码, 查看完整号码, 注销…), for the wording.
 */
export function inPersonCheckUrl(next?: string, withinSeconds?: number): string {
  return withQuery(ROUTES.inPersonCheck, { next, within: withinSeconds ? String(withinSeconds) : undefined });
}

/**
 * Leaves a step (实名, 本人认证) for the page that sent the person there:
 * `next` when given (replacing the step), else back, else 我的.
 */
export function leaveTo(next: string): void {
  if (next.startsWith('/')) {
    const path = next.split('?')[0] ?? next;
    if (TAB_ROUTES.includes(path)) void Taro.switchTab({ url: path });
    else void Taro.redirectTo({ url: next });
  } else if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else {
    void Taro.switchTab({ url: ROUTES.me });
  }
}

export function packageUrl(code: string): string {
  return withQuery(ROUTES.package, { code });
}

/** The filtered item list (a life event from 首页, or a police type). */
export function listUrl(filter: { lifeEvent?: string; policeType?: string; title: string }): string {
  return withQuery(ROUTES.list, filter);
}

function currentRoute(): string {
  const pages = Taro.getCurrentPages();
  const top = pages[pages.length - 1];
  return top?.route ? `/${top.route.replace(/^\//, '')}` : '';
}

/** Opens the login page unless it is already on top (several calls may fail at once). */
export function goToLogin(): void {
  if (currentRoute().startsWith(ROUTES.login)) return;
  void Taro.navigateTo({ url: ROUTES.login });
}

export function goTo(url: string): void {
  void Taro.navigateTo({ url });
}

/** Back to the page that sent the user to login, or to 我的 when login was the first page. */
export function leaveLogin(): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
    return;
  }
  void Taro.switchTab({ url: ROUTES.me });
}
