export default definePageConfig({
  navigationBarTitleText: '小院家',
  enablePullDownRefresh: true,
})
