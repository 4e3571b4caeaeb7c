export default definePageConfig({
  navigationBarTitleText: '人工加减分',
  enablePullDownRefresh: true,
})
