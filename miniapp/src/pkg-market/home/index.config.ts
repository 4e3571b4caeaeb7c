export default definePageConfig({
  navigationBarTitleText: '帮我卖 · 找活干',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
