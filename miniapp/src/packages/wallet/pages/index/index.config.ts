export default definePageConfig({
  navigationBarTitleText: '证照夹',
});
