export default definePageConfig({
  navigationBarTitleText: '证照详情',
});
