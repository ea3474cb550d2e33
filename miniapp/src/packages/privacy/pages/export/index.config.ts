export default definePageConfig({
  navigationBarTitleText: '下载个人信息副本',
});
