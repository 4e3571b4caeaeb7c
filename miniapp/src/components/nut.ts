/**
 * The NutUI components the app uses. Their CSS is imported once, in styles.ts, so every
 * page gets the same order (per-page imports make mini-css-extract-plugin complain) and the
 * full 230 KB style.css never ships. Add a component here and its CSS there.
 */
export { Button, Cell, CellGroup, Tag } from '@nutui/nutui-react-taro'
