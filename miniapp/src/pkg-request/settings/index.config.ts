export default definePageConfig({
  navigationBarTitleText: '找院长时限设置',
})
