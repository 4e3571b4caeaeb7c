export default definePageConfig({
  navigationBarTitleText: '登录小院家',
})
