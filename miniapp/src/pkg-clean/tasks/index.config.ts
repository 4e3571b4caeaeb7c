export default definePageConfig({
  navigationBarTitleText: '清运任务',
  enablePullDownRefresh: true,
})
