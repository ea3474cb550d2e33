import Router from '@koa/router';
import type { SystemFactory } from '../../core/system';
import { populationRegister } from '../../seed/population';
import { WECHAT_ERRORS, wechatError } from './errors';
import { getVerifyId, queryVerifyInfo } from './face';
import { jscode2session } from './jscode2session';
import { stableToken } from './stable-token';
import { WechatState } from './state';
import { sendSubscribeMessage } from './subscribe';
import { wechatControlRoutes } from './control.routes';

/**
 * The WeChat server APIs the BFF calls (api.weixin.qq.com), in WeChat's own
 * {errcode, errmsg} style: login, access tokens, face check (人脸核身) and
 * subscribe messages. /wxa is registered now so faults already cover the
 * phone-number API when it is added.
 */
export const createWechatSystem: SystemFactory = (kit) => {
  const state = new WechatState(kit.clock, kit.citizens, () => kit.random('wechat:new-openids'));
  const expected = kit.options.wechat;
  const register = populationRegister(kit.citizens, kit.options.seed);

  const routes = new Router();
  routes.get('/sns/jscode2session', jscode2session(state, expected));
  routes.post('/cgi-bin/stable_token', stableToken(state, expected));
  // Face check (人脸核身) against the same population register the identity system serves.
  routes.post('/cityservice/face/identify/getverifyid', getVerifyId(state, register));
  routes.post('/cityservice/face/identify/queryverifyinfo', queryVerifyInfo(state));
  routes.post('/cgi-bin/message/subscribe/send', sendSubscribeMessage(state, kit.clock));

  return {
    name: 'wechat',
    prefixes: ['/sns', '/cgi-bin', '/wxa', '/cityservice'],
    routes,
    controlRoutes: wechatControlRoutes(state, register),
    // WeChat reports overload as errcode -1; errorRate faults send it with HTTP 500.
    failure: () => ({ status: 500, body: wechatError(WECHAT_ERRORS.SYSTEM_BUSY) }),
    badRequest: () => ({ status: 200, body: wechatError(WECHAT_ERRORS.DATA_FORMAT) }),
    reset: () => state.reset(),
  };
};
