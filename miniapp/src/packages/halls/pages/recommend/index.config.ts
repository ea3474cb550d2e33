export default definePageConfig({
  navigationBarTitleText: '推荐大厅',
});
