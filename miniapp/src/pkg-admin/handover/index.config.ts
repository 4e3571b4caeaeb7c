export default definePageConfig({
  navigationBarTitleText: '凭码发放',
  enablePullDownRefresh: true,
})
