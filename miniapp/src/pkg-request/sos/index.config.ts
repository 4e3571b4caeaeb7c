export default definePageConfig({
  navigationBarTitleText: '一键呼叫',
  navigationBarBackgroundColor: '#d92d20',
})
