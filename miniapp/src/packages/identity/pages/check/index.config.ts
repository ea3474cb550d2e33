export default definePageConfig({
  navigationBarTitleText: '本人认证',
});
