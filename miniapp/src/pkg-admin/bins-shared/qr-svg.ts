import { qrMatrix } from '../../lib/qr'
import { svgDataUri } from '../../lib/svg-image'

/**
 * A QR code as an SVG data URI: one path of dark modules with a quiet zone. An image prints
 * crisply at any size and needs no "print background colours" setting, unlike a QR drawn
 * with coloured Views; it is also a single element, so a sheet of 66 stays light.
 */
export function qrSvgUri(text: string, quiet = 2): string {
  const m = qrMatrix(text)
  const n = m.length + quiet * 2
  let d = ''
  m.forEach((row, y) => {
    let x = 0
    while (x < row.length) {
      if (!row[x]) {
        x++
        continue
      }
      let run = 1
      while (row[x + run]) run++
      d += `M${x + quiet} ${y + quiet}h${run}v1h-${run}z`
      x += run
    }
  })
  return svgDataUri(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><rect width="${n}" height="${n}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`,
  )
}
