export default definePageConfig({
  navigationBarTitleText: '垃圾桶管理',
  enablePullDownRefresh: true,
})
