export default definePageConfig({
  navigationBarTitleText: '加入院落',
})
