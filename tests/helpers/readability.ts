import type { Locator, Page } from 'playwright-core';

/**
 * Text size and colour contrast as a phone shows them (issue 14: 16 px minimum body text,
 * 4.5:1 contrast for normal text, WCAG 2 relative luminance). The browser side runs in the
 * page: every visible element with text of its own, and every input and text box, is measured
 * with its computed font size, colour and the colour behind it (the nearest ancestor's
 * background colour, composited over the ones further up, or every colour of a gradient).
 */
export type TTextFinding = { text: string; fontSize: number; contrast: number; color: string; background: string; where: string };

/** WCAG contrast of two sRGB colours given as [r, g, b] 0–255. */
export function contrastRatio(a: number[], b: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, bl] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Measures the text of `root` (default: the visible page) and returns every finding, smallest and faintest first. */
export async function measureText(page: Page, root?: Locator): Promise<TTextFinding[]> {
  if (root && (await root.count()) === 0) return [];
  const scopeOf = root ? root.first() : page.locator('body');
  const found = await scopeOf.evaluate((scope: Element, contrastSrc: string) => {
    const contrast = new Function(`return ${contrastSrc}`)() as (a: number[], b: number[]) => number;
    const parse = (c: string): number[] | null => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const p = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top: number[], under: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
    /** Every colour that may sit behind el's text: a gradient gives several. */
    const backgrounds = (el: Element): number[][] => {
      const layers: number[][][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const cs = getComputedStyle(e);
        const grad = cs.backgroundImage.match(/rgba?\([^)]+\)/g);
        if (grad) {
          layers.push(grad.map((g) => parse(g)!));
          if (grad.every((g) => parse(g)![3] === 1)) break;
        }
        const bg = parse(cs.backgroundColor);
        if (bg && bg[3] > 0) {
          layers.push([bg]);
          if (bg[3] === 1) break;
        }
      }
      let result: number[][] = [[255, 255, 255, 1]];
      for (const layer of layers.reverse()) result = layer.flatMap((top) => result.map((under) => over(top, under)));
      return result;
    };
    const out: { text: string; fontSize: number; contrast: number; color: string; background: string; where: string }[] = [];
    for (const el of Array.from(scope.querySelectorAll('*'))) {
      const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement;
      const own = field
        ? (el as HTMLInputElement).value || (el as HTMLInputElement).placeholder || ' '
        : Array.from(el.childNodes)
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent ?? '')
            .join('')
            .trim();
      if (!own) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // disabled controls are exempt from contrast (WCAG 1.4.3)
      if (el.closest('[disabled], .nut-button-disabled, [aria-disabled="true"]')) continue;
      const cs = getComputedStyle(el);
      const fg = parse(cs.color)!;
      const bgs = backgrounds(el);
      const ratios = bgs.map((bg) => contrast(over(fg, bg), bg));
      const worst = Math.min(...ratios);
      const tid = el.closest('[data-testid]')?.getAttribute('data-testid');
      out.push({
        text: own.slice(0, 24),
        fontSize: parseFloat(cs.fontSize),
        contrast: Math.round(worst * 100) / 100,
        color: cs.color,
        background: bgs.map((b) => `rgb(${b.slice(0, 3).map(Math.round).join(',')})`).join(' / '),
        where: `${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]}${tid ? ` in ${tid}` : ''}`,
      });
    }
    return out;
  }, contrastRatio.toString());
  return found.sort((a, b) => a.fontSize - b.fontSize || a.contrast - b.contrast);
}

/** The findings below 16 px or below 4.5:1 (readable to a test failure message). */
export async function unreadableText(page: Page, root?: Locator, o: { minSize?: number; minContrast?: number } = {}): Promise<string[]> {
  const minSize = o.minSize ?? 16;
  const minContrast = o.minContrast ?? 4.5;
  return (await measureText(page, root))
    .filter((f) => f.fontSize < minSize - 0.01 || f.contrast < minContrast)
    .map((f) => `「${f.text}」 ${f.fontSize}px ${f.contrast}:1 (${f.color} on ${f.background}) ${f.where}`);
}
