import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { postMessage, type TMessageInput, type TRequestMessage } from '../../api/requests'
import { Section } from '../../components/card'
import { ErrorNotice } from '../../components/error-notice'
import { MediaImage } from '../../components/media-image'
import { Button } from '../../components/nut'
import { PhotoPicker, usePhotos } from '../../components/photo-picker'
import { formatTime } from '../../lib/format'
import { useAction } from '../../lib/use-action'
import { appendSpoken, VoiceButton } from '../components/voice-button'

const BODY_MAX = 500
const MAX_PHOTOS = 4

/** 沟通: the messages between the requester and the handlers, and (when allowed) a reply box. */
export function Thread({
  requestId,
  items,
  canWrite,
  onSent,
}: {
  requestId: string
  items: TRequestMessage[] | null
  canWrite: boolean
  onSent: (m: TRequestMessage) => void
}) {
  const [body, setBody] = useState('')
  const [formError, setFormError] = useState<AppError | null>(null)
  const [waiting, setWaiting] = useState(false)
  const busy = useRef(false)
  const photos = usePhotos()
  const send = useAction('request-message', (input: TMessageInput, key: string) => postMessage(requestId, input, key))

  const onSend = async () => {
    if (busy.current) return
    const text = body.trim()
    const problem = !text ? new AppError('VALIDATION_FAILED', { message: '请输入内容' }) : null
    setFormError(problem)
    if (problem) return
    busy.current = true
    setWaiting(true)
    try {
      const { ids, missing } = await photos.settled()
      if (missing) {
        setFormError(new AppError('VALIDATION_FAILED', { message: `有 ${missing} 张照片没有传上去：点一下照片重试，或点 × 删掉，再发送` }))
        return
      }
      const res = await send.run({ body: text, photoIds: ids })
      if (res.ok) {
        setBody('')
        photos.items.forEach((p) => photos.remove(p.key))
        onSent(res.value)
      }
    } finally {
      busy.current = false
      setWaiting(false)
    }
  }

  return (
    <Section title="沟通" testId="request-thread">
      <View className="req-thread">
        {items && !items.length ? (
          <Text className="muted" data-testid="request-thread-empty">
            还没有留言。
          </Text>
        ) : null}
        {items?.map((m) => (
          <View
            key={m.id}
            className={`req-msg ${m.mine ? 'req-msg--mine' : ''}`}
            data-testid="request-message"
            data-id={m.id}
            data-mine={m.mine ? 'true' : 'false'}
          >
            <Text className="req-msg__who">{`${m.mine ? '我' : m.author.name}${m.fromRequester ? '' : ' · 办理人'} · ${formatTime(m.createdAt)}`}</Text>
            <Text className="req-msg__body" data-testid="request-message-body">
              {m.body}
            </Text>
            {m.photoIds.map((id) => (
              <MediaImage key={id} id={id} testId="request-message-photo" />
            ))}
          </View>
        ))}
      </View>

      {canWrite ? (
        <View className="req-reply" data-testid="request-reply">
          <Textarea
            className="req-textarea req-textarea--short"
            data-testid="request-reply-text"
            value={body}
            maxlength={BODY_MAX}
            placeholder="写留言，对方会收到通知"
            onInput={(e) => setBody(e.detail.value)}
          />
          <VoiceButton onText={(spoken) => setBody((b) => appendSpoken(b, spoken, BODY_MAX))} testId="request-reply-voice" />
          <PhotoPicker photos={photos} max={MAX_PHOTOS} testId="request-reply-photos" />
          <ErrorNotice error={formError ?? send.error} testId="request-reply-error" />
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={waiting || send.busy}
            data-testid="request-reply-send"
            onClick={() => void onSend()}
          >
            发送
          </Button>
        </View>
      ) : null}
    </Section>
  )
}
