import { AppError } from '../../../../shared/errors'
import type { TEmployerKind, TJob, TJobInput, TPayUnit } from '../../api/market'
import { fenToInput, parseYuan } from '../../lib/money'

/** The job form as typed. */
export type TJobForm = {
  title: string
  description: string
  employerKind: TEmployerKind
  employerName: string
  /** yuan as typed */
  pay: string
  payUnit: TPayUnit
  place: string
  /** 'YYYY-MM-DD' */
  startDate: string
  endDate: string
  headcount: string
}

export const JOB_LIMITS = { title: 30, description: 500, employerName: 30, place: 50, maxHeadcount: 500, maxPayFen: 100_000_000 }

/** Today in China (UTC+8) as 'YYYY-MM-DD', the day a job starts unless changed. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
}

export function emptyJobForm(now = new Date()): TJobForm {
  const today = chinaToday(now)
  return {
    title: '',
    description: '',
    employerKind: 'villager',
    employerName: '',
    pay: '',
    payUnit: 'day',
    place: '',
    startDate: today,
    endDate: today,
    headcount: '1',
  }
}

export function jobFormOf(j: TJob): TJobForm {
  return {
    title: j.title,
    description: j.description,
    employerKind: j.employer.kind,
    employerName: j.employer.name,
    pay: fenToInput(j.payFen),
    payUnit: j.payUnit,
    place: j.place,
    startDate: j.startDate,
    endDate: j.endDate,
    headcount: String(j.headcount),
  }
}

const invalid = (message: string) => new AppError('VALIDATION_FAILED', { message })
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** The form → the request body (pay in fen), or the first thing to fix. */
export function jobInputOf(f: TJobForm): { input: TJobInput } | { error: AppError } {
  const title = f.title.trim()
  if (title.length < 2) return { error: invalid('请写上招什么工') }
  if (title.length > JOB_LIMITS.title) return { error: invalid(`不超过${JOB_LIMITS.title}个字`) }
  const description = f.description.trim()
  if (description.length > JOB_LIMITS.description) return { error: invalid(`说明不超过${JOB_LIMITS.description}字`) }
  const employerName = f.employerName.trim()
  if (f.employerKind !== 'villager' && !employerName) return { error: invalid(`请写上${f.employerKind === 'cooperative' ? '合作社' : '村集体'}的名称`) }
  if (employerName.length > JOB_LIMITS.employerName) return { error: invalid(`名称不超过${JOB_LIMITS.employerName}个字`) }
  const pay = parseYuan(f.pay)
  if (!pay.ok || pay.fen < 1) {
    return {
      error: invalid(
        !pay.ok && pay.reason === 'too_precise' ? '工钱最多写到分（两位小数）' : !pay.ok && pay.reason === 'invalid' ? '工钱请写数字，例如 150' : '请填写工钱',
      ),
    }
  }
  if (pay.fen > JOB_LIMITS.maxPayFen) return { error: invalid('工钱太高了，请检查') }
  const place = f.place.trim()
  if (!place) return { error: invalid('请填写地点') }
  if (place.length > JOB_LIMITS.place) return { error: invalid(`地点不超过${JOB_LIMITS.place}个字`) }
  if (!DATE.test(f.startDate) || !DATE.test(f.endDate)) return { error: invalid('请选择开始和结束日期') }
  if (f.endDate < f.startDate) return { error: invalid('结束日期不能早于开始日期') }
  const h = f.headcount.trim()
  if (!/^\d+$/.test(h) || Number(h) < 1) return { error: invalid('请填写要几个人') }
  if (Number(h) > JOB_LIMITS.maxHeadcount) return { error: invalid(`最多招${JOB_LIMITS.maxHeadcount}人`) }
  return {
    input: {
      title,
      description,
      employer: { kind: f.employerKind, name: employerName },
      payFen: pay.fen,
      payUnit: f.payUnit,
      place,
      startDate: f.startDate,
      endDate: f.endDate,
      headcount: Number(h),
    },
  }
}
