export default definePageConfig({
  navigationBarTitleText: '找院长统计',
  enablePullDownRefresh: true,
})
