export default definePageConfig({
  navigationBarTitleText: '我的驾驶证',
});
