export default definePageConfig({
  navigationBarTitleText: '我的买卖',
  enablePullDownRefresh: true,
})
