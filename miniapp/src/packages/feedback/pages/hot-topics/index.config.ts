export default definePageConfig({
  navigationBarTitleText: '民声热点榜',
});
