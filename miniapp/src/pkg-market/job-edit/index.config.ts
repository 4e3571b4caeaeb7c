export default definePageConfig({
  navigationBarTitleText: '我要招工',
})
