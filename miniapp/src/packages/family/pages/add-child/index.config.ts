export default definePageConfig({
  navigationBarTitleText: '添加未成年子女',
});
