export default definePageConfig({
  navigationBarTitleText: '穗警通',
});
