import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrMatrix, runsOf } from '../lib/qr'

/**
 * A QR code drawn with Views (no canvas, no image): rows of dark and light runs sized by flex,
 * inside a white quiet zone. The size comes from the CSS class (`xyj-qr`, 220px by default).
 * `data-text` carries what it encodes, for tests.
 */
export function QrCode({ text, testId, className }: { text: string; testId?: string; className?: string }) {
  const matrix = useMemo(() => qrMatrix(text), [text])
  return (
    <View className={`xyj-qr ${className ?? ''}`} data-testid={testId} data-text={text} data-modules={String(matrix.length)}>
      <View className="xyj-qr__grid">
        {matrix.map((row, y) => (
          <View key={y} className="xyj-qr__row">
            {runsOf(row).map((run, i) => (
              <View key={i} className={run.dark ? 'xyj-qr__dark' : 'xyj-qr__light'} style={{ flex: String(run.length) }} />
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
