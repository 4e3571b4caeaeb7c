import qrcode from 'qrcode-generator'

/** QR alphanumeric mode: upper-case letters, digits and ` $%*+-./:` (our codes fit, so the QR is small). */
const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/

/**
 * The dark/light modules of a QR code for `text` (error correction M, smallest version that
 * fits). Pure JavaScript, no canvas: the matrix is drawn with Views, the same on WeChat and H5.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M')
  qr.addData(text, ALPHANUMERIC.test(text) ? 'Alphanumeric' : 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  return Array.from({ length: n }, (_, row) => Array.from({ length: n }, (_, col) => qr.isDark(row, col)))
}

/** A row as runs of equal modules, so a row is a few Views rather than one per module. */
export function runsOf(row: boolean[]): { dark: boolean; length: number }[] {
  const runs: { dark: boolean; length: number }[] = []
  for (const dark of row) {
    const last = runs[runs.length - 1]
    if (last && last.dark === dark) last.length++
    else runs.push({ dark, length: 1 })
  }
  return runs
}
