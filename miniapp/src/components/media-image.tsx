import { Image, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { photoSrcFor } from '../lib/photo'
import { previewPhoto } from '../lib/preview'

/**
 * A stored photo by id (GET /api/media/{id}), e.g. the photo a villager sent with a report.
 * Tapping it shows it large. While it loads, or when it cannot be shown, a plain grey box says so.
 */
export function MediaImage({ id, className, testId = 'media-image' }: { id: string; className?: string; testId?: string }) {
  const [src, setSrc] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    let live = true
    setSrc(null)
    setFailed(false)
    photoSrcFor(id).then(
      (s) => live && setSrc(s),
      () => live && setFailed(true),
    )
    return () => {
      live = false
    }
  }, [id])

  if (!src) {
    return (
      <View className={`xyj-media xyj-media--empty ${className ?? ''}`} data-testid={testId} data-state={failed ? 'failed' : 'loading'}>
        <Text className="xyj-media__text">{failed ? '照片加载失败' : '照片加载中…'}</Text>
      </View>
    )
  }
  return (
    <View className={`xyj-media ${className ?? ''}`} data-testid={testId} data-state="ok" onClick={() => previewPhoto(src)}>
      <Image className="xyj-media__img" src={src} mode="aspectFill" nativeProps={{ alt: '照片' }} />
    </View>
  )
}
