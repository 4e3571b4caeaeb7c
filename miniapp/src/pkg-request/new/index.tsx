import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { createRequest, type TRequestInput } from '../../api/requests'
import { ErrorNotice } from '../../components/error-notice'
import { Field } from '../../components/field'
import { Button } from '../../components/nut'
import { PhotoPicker, usePhotos } from '../../components/photo-picker'
import { openPage } from '../../lib/navigation'
import { REQUEST_ROUTES, requestPage } from '../../lib/request-routes'
import { ROUTES } from '../../lib/routes'
import { useAction } from '../../lib/use-action'
import { useMe } from '../../lib/use-me'
import { CATEGORY_KEYS, REQUEST_CATEGORIES, type TRequestCategory } from '../components/labels'
import { appendSpoken, VoiceButton } from '../components/voice-button'
import { useElderMode } from '../../lib/elder-mode'
import '../components/request.scss'

const TEXT_MAX = 1000
const PLACE_MAX = 100
const MAX_PHOTOS = 4

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })

/** What is missing before the request can go (the server checks again). */
function checkRequest(category: TRequestCategory | null, text: string): AppError | null {
  if (!category) return invalid('请选择是什么事')
  const t = text.trim()
  if (t.length < 2) return invalid('请写清楚是什么事')
  if (t.length > TEXT_MAX) return invalid(`不超过${TEXT_MAX}字`)
  return null
}

/**
 * 找院长: what kind of thing, what it is, a few photos, where. It goes to the courtyard head
 * (and the deputy) at once; photos upload while the person writes. On success the request's
 * own page opens, where the answer will appear.
 */
export default function NewRequestPage() {
  const elder = useElderMode()
  const { me, error: meError } = useMe()
  const [category, setCategory] = useState<TRequestCategory | null>(null)
  const [text, setText] = useState('')
  const [place, setPlace] = useState('')
  const [formError, setFormError] = useState<AppError | null>(null)
  const [waiting, setWaiting] = useState(false)
  const busy = useRef(false)
  const photos = usePhotos()
  const send = useAction('create-request', (input: TRequestInput, key: string) => createRequest(input, key))

  const onSubmit = async () => {
    if (busy.current) return
    const problem = checkRequest(category, text)
    setFormError(problem)
    if (problem || !category) return
    busy.current = true
    setWaiting(true)
    try {
      const { ids, missing } = await photos.settled() // a photo still uploading: wait for it
      if (missing) {
        setFormError(invalid(`有 ${missing} 张照片没有传上去：点一下照片重试，或点 × 删掉，再提交`))
        return
      }
      const input: TRequestInput = { category, text: text.trim(), photoIds: ids }
      if (place.trim()) input.place = place.trim()
      const res = await send.run(input)
      if (res.ok) {
        Taro.showToast({ title: '已送到院长', icon: 'success', duration: 1500 })
        Taro.redirectTo({ url: requestPage(res.value.id) })
      }
    } finally {
      busy.current = false
      setWaiting(false)
    }
  }

  const member = me ? Boolean(me.courtyard) : true

  return (
    <View className={`page req-new ${elder.className}`}>
      <ErrorNotice error={meError} testId="request-new-me-error" />
      <Text className="page-title">找院长</Text>
      <Text className="page-subtitle">{me?.courtyard ? `发给${me.courtyard.name}的院长，院长不在身边也能办。` : '有事说一声，院长不在身边也能办。'}</Text>

      {!member ? (
        <View data-testid="request-new-not-member">
          <Text className="req-card__line">请先加入院落，再找院长。</Text>
          <Button className="btn" type="primary" size="xlarge" block data-testid="request-new-join" onClick={() => openPage(ROUTES.join)}>
            加入院落
          </Button>
        </View>
      ) : (
        <>
          <Text className="req-label">是什么事？</Text>
          <View className="req-cats" data-testid="request-categories" data-value={category ?? ''}>
            {CATEGORY_KEYS.map((c) => (
              <View
                key={c}
                className={`req-cat ${category === c ? 'req-cat--on' : ''}`}
                data-testid={`request-category-${c}`}
                data-on={category === c ? 'true' : 'false'}
                onClick={() => setCategory(c)}
              >
                <Text className="req-cat__box">{REQUEST_CATEGORIES[c]}</Text>
              </View>
            ))}
          </View>

          <Text className="req-label">请说一说</Text>
          <Textarea
            className="req-textarea"
            data-testid="request-text"
            value={text}
            maxlength={TEXT_MAX}
            placeholder="什么事、在哪里、需要院长帮什么"
            onInput={(e) => setText(e.detail.value)}
          />
          <Text className="req-count">{`${text.trim().length}/${TEXT_MAX}`}</Text>
          <VoiceButton onText={(spoken) => setText((t) => appendSpoken(t, spoken, TEXT_MAX))} testId="request-voice" />

          <PhotoPicker photos={photos} max={MAX_PHOTOS} title={`拍照片（可不拍，最多${MAX_PHOTOS}张）`} testId="request-photos" />

          <Field
            label="地点（可不填）"
            value={place}
            onChange={setPlace}
            maxlength={PLACE_MAX}
            placeholder="例如：村口小桥、3号院门口"
            testId="request-place"
          />

          <ErrorNotice error={formError ?? send.error} testId="request-new-error" />
          <Button
            className="btn"
            type="primary"
            size="xlarge"
            block
            loading={waiting || send.busy}
            data-testid="request-submit"
            onClick={() => void onSubmit()}
          >
            {waiting && photos.busy ? '照片上传中…' : '发给院长'}
          </Button>
        </>
      )}

      <Text className="req-link" data-testid="request-new-mine" onClick={() => openPage(REQUEST_ROUTES.mine)}>
        查看我的事项 ›
      </Text>
    </View>
  )
}
