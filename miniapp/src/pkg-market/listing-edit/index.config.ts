export default definePageConfig({
  navigationBarTitleText: '我要卖',
})
