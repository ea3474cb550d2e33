// What Taro's build defines at compile time; tests run as the H5 build.
process.env.TARO_ENV = 'h5';
process.env.TARO_APP_API_BASE = '';
process.env.TARO_APP_SANDBOX_URL = '';
