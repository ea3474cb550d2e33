export default definePageConfig({
  navigationBarTitleText: '解除抵押',
});
