export default definePageConfig({
  navigationBarTitleText: '电子驾驶证',
});
