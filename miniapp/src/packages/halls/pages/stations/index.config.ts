export default definePageConfig({
  navigationBarTitleText: '自助服务点',
  // Paging on scroll: the next page starts loading a little before the end.
  onReachBottomDistance: 200,
});
