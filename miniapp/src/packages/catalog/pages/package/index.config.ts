export default definePageConfig({
  navigationBarTitleText: '一件事详情',
});
