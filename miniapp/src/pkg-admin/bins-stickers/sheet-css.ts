/**
 * The A4 sticker sheet in real units (mm), for the H5 build only: injected at run time so
 * Taro's px → rem/rpx transform leaves it alone and the mini-program's WXSS never sees
 * `@page`. On paper: one `.sticker-page` per sheet of A4, 3 × 4 stickers of 64 × 68 mm, dashed cut lines, and nothing else
 * of the app (tab bar, headers, buttons) — every element that does not contain the sheet is
 * hidden while printing. On a phone the page zooms the preview to the screen (index.tsx);
 * printing undoes that.
 */
export const SHEET_CSS = `
.sticker-sheet--a4 {
  display: block;
  width: 192mm;
  margin: 0 auto;
}
.sticker-sheet--a4 .sticker-page {
  display: grid;
  grid-template-columns: repeat(3, 64mm);
  grid-template-rows: repeat(4, 68mm);
  width: 192mm;
  height: 272mm;
  margin: 0 0 6mm;
  background: #fff;
  box-shadow: 0 0 0 0.3mm #e5e7eb;
  break-after: page;
  page-break-after: always;
}
.sticker-sheet--a4 .sticker-page:last-child { break-after: auto; page-break-after: auto; }
.sticker-sheet--a4 .sticker {
  width: 64mm;
  height: 68mm;
  margin: 0;
  padding: 3mm 3mm 2mm;
  border: 0.3mm dashed #9ca3af;
  border-radius: 0;
  box-shadow: none;
  box-sizing: border-box;
  break-inside: avoid;
  page-break-inside: avoid;
}
.sticker-sheet--a4 .sticker__title { font-size: 3mm; line-height: 4mm; }
.sticker-sheet--a4 .sticker__label { font-size: 8mm; line-height: 10mm; }
.sticker-sheet--a4 .sticker__place { font-size: 3.4mm; line-height: 4.6mm; }
.sticker-sheet--a4 .sticker__codes { margin-top: 1.5mm; }
.sticker-sheet--a4 .sticker__code { width: 28mm; }
.sticker-sheet--a4 .sticker__img { width: 27mm; height: 27mm; }
.sticker-sheet--a4 .sticker__img--missing { font-size: 2.6mm; }
.sticker-sheet--a4 .sticker__caption { font-size: 2.8mm; line-height: 3.8mm; }
.sticker-sheet--a4 .sticker__id { font-size: 2.6mm; line-height: 3.6mm; margin-top: 0.5mm; }
@media screen {
  .sticker-scroll { overflow-x: auto; padding: 4mm 0; }
}
@page { size: A4 portrait; margin: 12mm 9mm; }
@media print {
  html, body { background: #fff !important; }
  body *:not(:has(.sticker-sheet)):not(.sticker-sheet):not(.sticker-sheet *) { display: none !important; }
  *:has(> .sticker-sheet), *:has(.sticker-sheet) {
    display: block !important; position: static !important; margin: 0 !important; padding: 0 !important;
    width: auto !important; height: auto !important; min-height: 0 !important; max-height: none !important; max-width: none !important;
    overflow: visible !important; transform: none !important; background: #fff !important; box-shadow: none !important;
  }
  .sticker-sheet--a4 { margin: 0; zoom: 1 !important; }
  .sticker-sheet--a4 .sticker-page { margin: 0; box-shadow: none; }
  .sticker-sheet--a4 * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
