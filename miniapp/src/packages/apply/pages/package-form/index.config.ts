export default definePageConfig({
  navigationBarTitleText: '一件事 在线办理',
});
