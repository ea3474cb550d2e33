export default definePageConfig({
  navigationBarTitleText: '实名与绑定',
});
