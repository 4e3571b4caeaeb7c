export default definePageConfig({
  navigationBarTitleText: '积分榜',
  navigationBarBackgroundColor: '#0b2e1f',
})
