export default definePageConfig({
  navigationBarTitleText: '出示记录',
});
