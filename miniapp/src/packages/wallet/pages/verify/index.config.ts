export default definePageConfig({
  navigationBarTitleText: '证照核验',
});
