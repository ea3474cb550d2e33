/// <reference types="@tarojs/taro" />

// Assets imported from code (tab bar icons, illustrations).
declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro per build target. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /**
     * Base URL of the BFF, e.g. https://api.example.gov.cn. Empty: same origin
     * on H5; http://localhost:8080 on weapp (local development only).
     */
    TARO_APP_API_BASE: string;
    /** Sandbox of the back-end systems (dev/demo builds only); empty in production. */
    TARO_APP_SANDBOX_URL: string;
    /**
     * WeChat subscribe-message template ids by key, a JSON object ({"CASE_PROGRESS": "...", ...}, the same ids as the
     * BFF's WECHAT_TEMPLATE_<KEY>); "{}": no notices are offered.
     */
    TARO_APP_SUBSCRIBE_TEMPLATES: string;
  }
}
