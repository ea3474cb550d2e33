export default definePageConfig({
  navigationBarTitleText: '出示证照',
});
