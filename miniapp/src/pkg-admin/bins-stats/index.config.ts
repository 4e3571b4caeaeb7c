export default definePageConfig({
  navigationBarTitleText: '爱环境统计',
  enablePullDownRefresh: true,
})
