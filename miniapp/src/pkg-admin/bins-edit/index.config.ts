export default definePageConfig({
  navigationBarTitleText: '垃圾桶',
})
