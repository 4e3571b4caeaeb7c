export default definePageConfig({
  navigationBarTitleText: '找院长',
})
