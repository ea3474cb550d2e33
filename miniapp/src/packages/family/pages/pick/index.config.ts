export default definePageConfig({
  navigationBarTitleText: '为家人办理',
});
