export default definePageConfig({
  navigationBarTitleText: '完整身份信息',
});
