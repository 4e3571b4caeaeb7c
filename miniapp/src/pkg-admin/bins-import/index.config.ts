export default definePageConfig({
  navigationBarTitleText: '批量导入垃圾桶',
})
