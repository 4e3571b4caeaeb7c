export default definePageConfig({
  navigationBarTitleText: '我的事项',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
})
