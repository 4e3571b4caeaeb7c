// All global CSS in one fixed order: NutUI's per-component CSS, then ours (which overrides it).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css'
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css'
import './components/common.scss'
import './app.scss'
import './styles/elder.scss'
