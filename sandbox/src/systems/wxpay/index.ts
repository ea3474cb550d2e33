import Router from '@koa/router';
import type { SystemFactory } from '../../core/system';
import { apiRoutes } from './api.routes';
import { BillDownloads } from './bill';
import { showCashier, submitCashier } from './cashier-page';
import { wxpayControlRoutes } from './control.routes';
import { PayDesk } from './desk';
import { errorBody, WXPAY_ERRORS } from './errors';
import { v3Gate } from './gate';

/** The merchant as the cashier names it (the 商户简称 registered with the platform). */
const MERCHANT_NAME = '广州市公安局';

/**
 * WeChat Pay API v3 for one direct merchant (直连商户, 微信支付公钥 mode): JSAPI and H5 ordering,
 * query, close, refunds, the trade bill, signed answers, encrypted and signed notifications with
 * the platform's retry schedule on the sandbox clock, and an H5 cashier page. Dialect: the v3 docs
 * and bff/src/upstreams/wxpay/wxpay.dialect.ts.
 */
export const createWxpaySystem: SystemFactory = (kit) => {
  const { wxpay } = kit.options;
  const key = { privateKey: wxpay.platformPrivateKey, keyId: wxpay.platformKeyId };
  const nowMs = (): number => kit.clock.nowMs();
  const desk = new PayDesk({
    clock: kit.clock,
    mchid: wxpay.mchId,
    apiV3Key: wxpay.apiV3Key,
    key,
    log: kit.options.log,
  });
  const downloads = new BillDownloads();
  const gate = v3Gate({ mchid: wxpay.mchId, merchantPublicKey: wxpay.merchantPublicKey, key, nowMs });

  const routes = new Router();
  const api = apiRoutes({ desk, downloads, mchid: wxpay.mchId, appid: kit.options.wechat.appId, nowMs }, gate);
  const cashier = { desk, merchantName: MERCHANT_NAME, nowMs };
  routes.use(api.routes(), api.allowedMethods());
  routes.get('/wxpay/cashier/:token', showCashier(cashier));
  routes.post('/wxpay/cashier/:token', submitCashier(cashier));

  return {
    name: 'wxpay',
    prefixes: ['/v3', '/wxpay'],
    routes,
    controlRoutes: wxpayControlRoutes(desk, nowMs),
    failure: () => ({ status: 500, body: errorBody(WXPAY_ERRORS.SYSTEM_ERROR) }),
    badRequest: () => ({ status: 400, body: errorBody(WXPAY_ERRORS.PARAM_ERROR) }),
    reset: () => {
      desk.reset();
      downloads.clear();
    },
    close: () => desk.reset(),
  };
};
