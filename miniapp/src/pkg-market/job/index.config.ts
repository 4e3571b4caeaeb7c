export default definePageConfig({
  navigationBarTitleText: '招工详情',
  enablePullDownRefresh: true,
})
