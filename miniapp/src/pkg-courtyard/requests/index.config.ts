export default definePageConfig({
  navigationBarTitleText: '入院申请',
  enablePullDownRefresh: true,
})
