export default definePageConfig({
  navigationBarTitleText: '违法处理',
});
