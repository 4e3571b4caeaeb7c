import Taro from '@tarojs/taro'

/** The page on top of the stack: Taro's router gives each page's box this path as its id. */
function currentPageId(): string | undefined {
  return (Taro.getCurrentInstance().page as { path?: string } | null | undefined)?.path
}

/**
 * H5 fixes to the page boxes (`.taro_page`) that Taro's router adds. The mini-program has no
 * such boxes: nothing to do there.
 * - Each box scrolls; a keyboard can scroll it only when it can take focus (axe's
 *   scrollable-region-focusable, tests/e2e/axe.test.ts): every box gets tabindex=0.
 * - Leaving a page, the router hides it 300 ms later (after the slide); 返回 tapped within
 *   those 300 ms shows it again first, then the late timer hides it: a blank screen. A box that
 *   is hidden while it is the current page is shown again.
 */
export function fixH5Pages(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  const mark = (el: Element) => {
    if (el.classList.contains('taro_page') && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '0')
  }
  document.querySelectorAll('.taro_page').forEach(mark)
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach((n) => n instanceof Element && mark(n))
      else if (r.target instanceof Element && r.target.classList.contains('taro_page_shade') && r.target.id === currentPageId()) {
        r.target.classList.remove('taro_page_shade')
      }
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] })
}
