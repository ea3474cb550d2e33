export default definePageConfig({
  navigationBarTitleText: '电子居住证',
});
