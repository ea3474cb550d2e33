export default definePageConfig({
  navigationBarTitleText: '自愿降级',
});
