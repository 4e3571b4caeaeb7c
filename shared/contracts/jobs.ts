/** 找活干 (local jobs): posted, content-checked, approved, then public; applications and 工作记录; the review queue. */
import * as z from 'zod';
import { defineContract } from './define';
import { ZNamed } from './common';
import { reviewListing, ZContentCheck, ZId, ZListing, ZPaging } from './market';
import { APPLICATION_STATES, EMPLOYER_KINDS, JOB_STATES, PAY_UNITS } from '../domain/market';

const ZEmployerKind = z.enum(EMPLOYER_KINDS);
const ZPayUnit = z.enum(PAY_UNITS);

export const ZJobState = z.enum(JOB_STATES);
const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-05-01');
const ZJobInput = z.object({
  title: z.string().trim().min(2, '请写上招什么工').max(30),
  description: z.string().trim().max(500).default(''),
  employer: z.object({ kind: ZEmployerKind, name: z.string().trim().max(30).default('') }).default({ kind: 'villager', name: '' }),
  payFen: z.number().int().min(1, '请填写工钱').max(100_000_000),
  payUnit: ZPayUnit,
  place: z.string().trim().min(1, '请填写地点').max(50),
  startDate: ZDate,
  endDate: ZDate,
  headcount: z.number().int().min(1).max(500),
});

export const ZJob = z.object({
  id: z.string(),
  poster: ZNamed,
  employer: z.object({ kind: ZEmployerKind, name: z.string() }),
  village: ZNamed,
  title: z.string(),
  description: z.string(),
  payFen: z.number().int(),
  payUnit: ZPayUnit,
  place: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  headcount: z.number().int(),
  accepted: z.number().int(),
  state: ZJobState,
  rejectReason: z.string().nullable(),
  contentCheck: ZContentCheck,
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  mine: z.boolean(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), close: z.boolean(), apply: z.boolean() }),
});
export type TJob = z.infer<typeof ZJob>;

export const createJob = defineContract({
  method: 'POST',
  path: '/api/jobs',
  summary: '找活干：发布招工（草稿）',
  tag: 'market',
  status: 201,
  body: ZJobInput,
  response: ZJob,
});
export const updateJob = defineContract({
  method: 'PATCH',
  path: '/api/jobs/{id}',
  summary: '修改草稿或被退回的招工',
  tag: 'market',
  params: ZId,
  body: ZJobInput.partial(),
  response: ZJob,
});
export const submitJob = defineContract({
  method: 'POST',
  path: '/api/jobs/{id}/submit',
  summary: '招工提交审核（内容安全检查后由院长或村干部审核）',
  tag: 'market',
  params: ZId,
  response: ZJob,
});
export const reviewJob = defineContract({
  method: 'POST',
  path: '/api/jobs/{id}/review',
  summary: '审核招工',
  tag: 'market',
  params: ZId,
  body: reviewListing.body,
  response: ZJob,
});
export const closeJob = defineContract({
  method: 'POST',
  path: '/api/jobs/{id}/close',
  summary: '招工结束',
  tag: 'market',
  params: ZId,
  response: ZJob,
});
export const getJob = defineContract({
  method: 'GET',
  path: '/api/jobs/{id}',
  summary: '招工详情',
  tag: 'market',
  params: ZId,
  response: ZJob,
});
export const browseJobs = defineContract({
  method: 'GET',
  path: '/api/jobs',
  summary: '找活干：正在招工的活',
  tag: 'market',
  query: z.object({ villageId: z.uuid().optional(), ...ZPaging }),
  response: z.object({ items: z.array(ZJob), nextCursor: z.string().nullable() }),
});
export const myJobs = defineContract({
  method: 'GET',
  path: '/api/jobs/mine',
  summary: '我发布的招工',
  tag: 'market',
  response: z.object({ items: z.array(ZJob) }),
});

export const ZApplication = z.object({
  id: z.string(),
  job: z.object({ id: z.string(), title: z.string(), payFen: z.number().int(), payUnit: ZPayUnit }),
  worker: ZNamed,
  workerPhone: z.string().nullable(),
  note: z.string(),
  state: z.enum(APPLICATION_STATES),
  /** 工作记录: what each side confirmed (days worked, pay in fen) and whether they agree */
  records: z.object({
    worker: z.object({ days: z.number(), payFen: z.number().int(), at: z.string() }).nullable(),
    poster: z.object({ days: z.number(), payFen: z.number().int(), at: z.string() }).nullable(),
    agreed: z.boolean().nullable(),
  }),
  createdAt: z.string(),
  mine: z.boolean(),
});
export type TApplication = z.infer<typeof ZApplication>;

export const applyJob = defineContract({
  method: 'POST',
  path: '/api/jobs/{id}/applications',
  summary: '报名干活',
  tag: 'market',
  status: 201,
  params: ZId,
  body: z.object({ note: z.string().trim().max(200).default('') }),
  response: ZApplication,
});
export const jobApplications = defineContract({
  method: 'GET',
  path: '/api/jobs/{id}/applications',
  summary: '招工方：报名的人',
  tag: 'market',
  params: ZId,
  response: z.object({ items: z.array(ZApplication) }),
});
export const myApplications = defineContract({
  method: 'GET',
  path: '/api/applications/mine',
  summary: '我报名的活',
  tag: 'market',
  response: z.object({ items: z.array(ZApplication) }),
});
export const decideApplication = defineContract({
  method: 'POST',
  path: '/api/applications/{id}/decide',
  summary: '招工方录用或婉拒（录用不超过招工人数）',
  tag: 'market',
  params: ZId,
  body: z.object({ decision: z.enum(['accept', 'decline']) }),
  response: ZApplication,
});
export const withdrawApplication = defineContract({
  method: 'POST',
  path: '/api/applications/{id}/withdraw',
  summary: '报名人撤回报名（录用前）',
  tag: 'market',
  params: ZId,
  response: ZApplication,
});
export const confirmWork = defineContract({
  method: 'POST',
  path: '/api/applications/{id}/work',
  summary: '双方各自确认干了几天、工钱多少（各留一份记录）',
  tag: 'market',
  params: ZId,
  body: z.object({ days: z.number().min(0.5).max(366).multipleOf(0.5, '天数以半天计'), payFen: z.number().int().min(0).max(100_000_000) }),
  response: ZApplication,
});

export const listingReviewQueue = defineContract({
  method: 'GET',
  path: '/api/listings/review-queue',
  summary: '待审核的商品和招工（院长：本院落；村干部：本村）',
  tag: 'market',
  response: z.object({ listings: z.array(ZListing), jobs: z.array(ZJob) }),
});
