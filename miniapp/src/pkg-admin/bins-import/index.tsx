import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { createElement, useState } from 'react'
import { AppError } from '../../../../shared/errors'
import { importBins } from '../../api/bins'
import { ErrorNotice } from '../../components/error-notice'
import { Button } from '../../components/nut'
import { useAction } from '../../lib/use-action'
import { useVillageBins } from '../bins-shared/use-village-bins'
import '../bins-shared/bins.scss'

const EXAMPLE = '编号,纬度,经度,保洁员\n67号桶,29.5612,106.4621,张三\n68号桶,29.5620,106.4633,13800001111'

/**
 * A CSV file from a desktop browser: UTF-8, or GBK as Excel in Chinese saves it (decoding as
 * UTF-8 fails loudly on GBK bytes, so that is the test).
 */
async function readCsvFile(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('gbk').decode(bytes)
  }
}

/**
 * 批量导入 (村干部): paste CSV lines `编号,纬度,经度,保洁员` (or pick a .csv file in a desktop
 * browser). All or nothing: the server checks every line first and names each bad line.
 */
export default function BinsImportPage() {
  const v = useVillageBins()
  const [csv, setCsv] = useState('')
  const [created, setCreated] = useState<number | null>(null)
  const [fileError, setFileError] = useState<AppError | null>(null)
  const run = useAction('import-bins', (input: { villageId: string; csv: string }, key: string) => importBins(input.villageId, input.csv, key))

  const onSubmit = async () => {
    if (!v.villageId) return
    setCreated(null)
    if (!csv.trim()) {
      run.setError(new AppError('VALIDATION_FAILED', { message: '请先粘贴 CSV 内容' }))
      return
    }
    const res = await run.run({ villageId: v.villageId, csv })
    if (res.ok) {
      setCreated(res.value.created)
      setCsv('')
      Taro.showToast({ title: `已导入 ${res.value.created} 个`, icon: 'success', duration: 1500 })
    }
  }

  const onFile = async (file: Blob | undefined) => {
    setFileError(null)
    if (!file) return
    try {
      setCsv(await readCsvFile(file))
      setCreated(null)
    } catch (err) {
      setFileError(new AppError('VALIDATION_FAILED', { message: '文件读取失败，请确认是 CSV 文件', cause: err }))
    }
  }

  if (v.me && v.villageId && !v.canEdit) {
    return (
      <View className="page bins-page">
        <Text className="muted" data-testid="bins-import-not-cadre">
          只有本村的村干部可以导入垃圾桶。
        </Text>
      </View>
    )
  }

  return (
    <View className="page bins-page">
      <ErrorNotice error={v.meError ?? v.choice.error} testId="bins-import-me-error" />
      <Text className="page-title">{`批量导入${v.choice.village ? ` · ${v.choice.village.name}` : ''}`}</Text>
      <Text className="bins-hint">
        {
          '每行一个桶：编号,纬度,经度,保洁员（姓名或手机号，可不填）。第一行可以是表头。\n经纬度用手机定位（GPS）读到的数；从高德、腾讯或百度地图上复制的坐标会偏几百米。\n全部检查通过才会导入；有问题的行会列出行号，改好后再导入。导入后在列表里补上院落。'
        }
      </Text>

      {process.env.TARO_ENV === 'h5'
        ? createElement('input', {
            type: 'file',
            accept: '.csv,text/csv,text/plain',
            'data-testid': 'bins-import-file',
            className: 'bins-hint',
            onChange: (e: { target: { files?: FileList | null } }) => void onFile(e.target.files?.[0]),
          })
        : null}
      <ErrorNotice error={fileError} testId="bins-import-file-error" />

      <Textarea
        className="bins-textarea"
        data-testid="bins-import-text"
        value={csv}
        maxlength={200000}
        placeholder={EXAMPLE}
        onInput={(e) => setCsv(e.detail.value)}
      />
      <Button className="btn btn-small" size="large" block data-testid="bins-import-example" onClick={() => setCsv(EXAMPLE)}>
        填入示例
      </Button>

      <ErrorNotice error={run.error} testId="bins-import-error" />
      {created !== null ? (
        <Text className="bins-ok" data-testid="bins-import-done" data-created={String(created)}>
          {`已导入 ${created} 个垃圾桶。`}
        </Text>
      ) : null}

      <Button className="btn" type="primary" size="xlarge" block loading={run.busy} data-testid="bins-import-submit" onClick={onSubmit}>
        导入
      </Button>
    </View>
  )
}
