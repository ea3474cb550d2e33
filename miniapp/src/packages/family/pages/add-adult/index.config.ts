export default definePageConfig({
  navigationBarTitleText: '添加成年家人',
});
