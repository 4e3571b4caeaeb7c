/**
 * The one error table: every code the API can answer with, its HTTP status and the Chinese
 * message shown to people. Services throw only `AppError(code)`; the route adapter maps it.
 */
export const ERRORS = {
  /** Body, params or query failed the contract. */
  VALIDATION_FAILED: [400, '填写的内容有误，请检查后重试'],
  /** Request body is not valid JSON. */
  MALFORMED_JSON: [400, '请求格式错误'],
  /** No session token, or it is expired/revoked. */
  UNAUTHENTICATED: [401, '请先登录'],
  /** Signed in, but the role or scope does not allow this. */
  FORBIDDEN: [403, '没有权限进行此操作'],
  /** The object does not exist (or is outside the caller's sight). */
  NOT_FOUND: [404, '找不到该内容'],
  /** Route exists but not for this HTTP method. */
  METHOD_NOT_ALLOWED: [405, '不支持该请求方式'],
  /** Body over the 1 MB limit. */
  PAYLOAD_TOO_LARGE: [413, '提交的内容太大'],
  /** Same Idempotency-Key is still being processed by another request. */
  IDEMPOTENCY_IN_PROGRESS: [409, '上一次提交仍在处理中，请稍候'],
  /** Same Idempotency-Key was used with a different body. */
  IDEMPOTENCY_KEY_REUSED: [422, '重复的提交编号，请刷新后重试'],
  /** WeChat rejected the login code (40029 / 40163 / expired). */
  WECHAT_CODE_INVALID: [400, '微信登录凭证无效，请重新登录'],
  /** WeChat rate-limited code2Session (45011). */
  WECHAT_RATE_LIMITED: [429, '登录太频繁，请稍后再试'],
  /** WeChat flagged the user as high risk (40226). */
  WECHAT_USER_BLOCKED: [403, '该微信账号暂时无法登录，请联系村委会'],
  /** WeChat busy (-1), timed out, or answered garbage. */
  WECHAT_UNAVAILABLE: [503, '微信服务繁忙，请稍后再试'],
  /** Dev sign-in asked for while ALLOW_DEV_LOGIN is off. */
  DEV_LOGIN_DISABLED: [404, '演示登录未开启'],
  /** Invite code mistyped (wrong length or symbols), unknown or revoked: 404, so nothing tells which. */
  INVITE_INVALID: [404, '邀请码不对或已过期，请向院长要一个新的'],
  /** Invite code past its expiry. */
  INVITE_EXPIRED: [410, '邀请码已过期，请向院长索取新的邀请码'],
  /** 扫码登录: no such ticket (or the poll's secret does not match). */
  ADMIN_LOGIN_NOT_FOUND: [404, '登录二维码无效，请在电脑上刷新二维码后重新扫码'],
  /** 扫码登录: the ticket's 2 minutes are over. */
  ADMIN_LOGIN_EXPIRED: [410, '登录二维码已过期，请在电脑上刷新二维码后重新扫码'],
  /** 扫码登录: someone else scanned this ticket first. */
  ADMIN_LOGIN_TAKEN: [409, '这个二维码已被其他人扫码，请在电脑上刷新二维码'],
  /** 扫码登录: the ticket was already confirmed, used or cancelled. */
  ADMIN_LOGIN_DONE: [409, '这个二维码已使用或已取消，请在电脑上刷新二维码'],
  /** The person already belongs to that courtyard. */
  ALREADY_MEMBER: [409, '您已经是该院落的村民'],
  /** The person already has a pending join request. */
  JOIN_REQUEST_PENDING: [409, '您已有一份待审核的入院申请'],
  /** Approve/reject/withdraw on a request that is no longer pending. */
  JOIN_REQUEST_NOT_PENDING: [409, '该申请已处理'],
  /** Retry asked for a notification that has not failed. */
  NOTIFICATION_NOT_FAILED: [409, '该通知未失败，无需重发'],
  /** A deduction or redemption larger than the balance. */
  INSUFFICIENT_POINTS: [409, '积分不足'],
  /** The person belongs to no village, so points cannot be posted. */
  NOT_IN_VILLAGE: [409, '该人员尚未加入任何村，无法记积分'],
  /** The reward has no stock left. */
  OUT_OF_STOCK: [409, '该商品已兑完'],
  /** The reward is inactive or outside its window. */
  REWARD_CLOSED: [409, '该商品当前不可兑换'],
  /** The per-person limit for this reward is reached. */
  REDEEM_LIMIT_REACHED: [409, '已达到该商品的每人兑换上限'],
  /** Cancel or hand over a redemption that is no longer waiting for pickup. */
  REDEMPTION_NOT_OPEN: [409, '该兑换已领取、已取消或已过期'],
  /** Pickup code unknown in this village. */
  PICKUP_CODE_NOT_FOUND: [404, '取货码不存在，请核对'],
  /** Bin code unknown, malformed or the bin is disabled (no detail given). */
  BIN_NOT_FOUND: [404, '没有找到这个垃圾桶，请确认二维码是否完好'],
  /** 信息采集: a person moved to a courtyard that is not in their village. */
  REGISTRY_COURTYARD_OUTSIDE: [409, '只能调整到本村的院落'],
  /** 信息采集: the courtyard already has a household with that label. */
  HOUSEHOLD_LABEL_TAKEN: [409, '该院落已有相同户号'],
  /** The same person scanned the same bin again too soon. */
  REPORT_TOO_SOON: [429, '您刚刚报告过这个垃圾桶，保洁员已收到，请稍后再试'],
  /** Too many scans by one person today. */
  REPORT_DAILY_LIMIT: [429, '今天的报告次数已达上限，谢谢您的热心'],
  /** Clean/false confirmed by scanning a different bin's code (proof of presence failed). */
  WRONG_BIN: [409, '扫描的不是这个垃圾桶，请到现场扫描桶上的二维码'],
  /** The report was already cleaned or marked false. */
  REPORT_NOT_OPEN: [409, '该报告已处理'],
  /** A bin label already used in the village. */
  BIN_LABEL_TAKEN: [409, '该编号已被使用'],
  /** A cleaner id or courtyard that does not belong to the bin's village. */
  NOT_IN_THIS_VILLAGE: [400, '所选的保洁员或院落不属于本村'],
  /** Not a JPEG/PNG/WebP image (read from the bytes), or not the caller's upload. */
  MEDIA_INVALID: [400, '只能上传 JPG、PNG 或 WebP 照片'],
  /** Photo over the size cap even after compression. */
  MEDIA_TOO_LARGE: [413, '照片太大，请重新拍摄或选择较小的照片'],
  /** 找院长 from someone who belongs to no courtyard (nobody to send it to). */
  REQUEST_NO_COURTYARD: [409, '请先加入院落，再找院长'],
  /** Accept on a request nobody is waiting to take up. */
  REQUEST_NOT_WAITING: [409, '该事项已被受理或已结束'],
  /** Resolve on a request that is not being handled. */
  REQUEST_NOT_ACCEPTED: [409, '请先受理该事项'],
  /** Confirm or reopen on a request that is not resolved. */
  REQUEST_NOT_RESOLVED: [409, '该事项还没有办结'],
  /** Reopen after the window. */
  REQUEST_REOPEN_CLOSED: [409, '已超过可重新打开的期限，请重新提交'],
  /** Withdraw after someone accepted it. */
  REQUEST_ALREADY_TAKEN: [409, '事项已受理，不能撤回，可以在沟通里说明'],
  /** Anything on a closed or withdrawn request. */
  REQUEST_CLOSED: [409, '该事项已完结'],
  /** Level change to the level it already has. */
  REQUEST_SAME_LEVEL: [409, '事情大小没有变化'],
  /** A 工单号 typed into a search is not one this system writes, or names the other kind. */
  TICKET_INVALID: [400, '工单号不对：找院长是 Z 加6位数字（如 Z260042），一键呼叫是 S 加6位数字'],
  /** 一键呼叫 by someone who has it off. */
  SOS_NOT_AVAILABLE: [409, '一键呼叫未开启，请在“我的”里开启'],
  /** 一键呼叫 by someone who belongs to no courtyard. */
  SOS_NO_COURTYARD: [409, '请先加入院落，一键呼叫才能通知到院长'],
  /** Acknowledge a call someone else already took. */
  SOS_ALREADY_ACKNOWLEDGED: [409, '已有人响应这个呼叫'],
  /** Anything on a call that is over. */
  SOS_CLOSED: [409, '这个呼叫已结束'],
  /** The person is not a party member of that courtyard's village. */
  NOT_A_PARTY_MEMBER: [400, '请选择本村的党员'],
  /** Edit or submit a post that is under review or already public. */
  POST_NOT_EDITABLE: [409, '审核中或已上架的内容不能修改，可以先下架'],
  /** Review a post that is not waiting for review. */
  POST_NOT_PENDING: [409, '该内容已审核过'],
  /** Intent, application, feature or sold-out on a post that is not public. */
  POST_NOT_PUBLISHED: [409, '该内容未上架或已下架'],
  /** Anything on a post that is closed, sold out, filled or expired. */
  POST_CLOSED: [409, '该内容已结束'],
  /** An intent for more than is left. */
  NOT_ENOUGH_LEFT: [409, '剩余数量不够，请减少数量'],
  /** Buying one's own produce or applying for one's own job. */
  OWN_POST: [409, '不能对自己发布的内容操作'],
  /** Decide or cancel an intent or application that was already decided. */
  ALREADY_DECIDED: [409, '已经处理过了'],
  /** An application to a job that has all the people it needs. */
  JOB_FILLED: [409, '人已招满'],
  /** Applying twice to the same job. */
  ALREADY_APPLIED: [409, '您已经报名了这个活'],
  /** A work record on an application that was not accepted. */
  NOT_HIRED: [409, '录用后才能确认工作记录'],
  /** Selling produce needs a home courtyard (its head reviews the listing). */
  MARKET_NO_COURTYARD: [409, '请先加入院落，才能发布'],
  /** End date before start date. */
  JOB_DATES_INVALID: [400, '结束日期不能早于开始日期'],
  /** Too many sign-ins from one address, or writes by one person, in a minute (Retry-After says when). */
  RATE_LIMITED: [429, '操作太频繁，请稍后再试'],
  /** The day's photo quota of the person or their courtyard is used up. */
  PHOTO_QUOTA_REACHED: [429, '今天上传的照片已达上限，请明天再试'],
  /** Sign-in without agreeing to the 用户协议 and 隐私政策 in force (or to an older version). */
  CONSENT_REQUIRED: [400, '请先阅读并勾选同意《用户协议》和《隐私政策》'],
  /** Agreeing to a version that is not the one in force (the page was opened before an update). */
  CONSENT_OUTDATED: [409, '协议已更新，请重新阅读后同意'],
  /** 申请注销 asked twice while the first one waits for a cadre. */
  DELETION_PENDING: [409, '您已申请注销，正在等待村干部确认'],
  /** 信息采集表导入: a row has a problem (the message names the first line); nothing was written. */
  REGISTRY_IMPORT_INVALID: [422, '导入文件有问题，已全部取消，请修改后重新导入'],
  /** 信息采集表导入: no such import in this village (another village's reads as missing too). */
  REGISTRY_IMPORT_NOT_FOUND: [404, '找不到这次导入，请重新选择文件'],
  /** 信息采集表导入: the import was already committed. */
  REGISTRY_IMPORT_DONE: [409, '这个文件已经导入过了'],
  /** 信息采集表导入: more rows than one file may have. */
  REGISTRY_IMPORT_TOO_BIG: [413, '文件行数太多，请分成多个文件导入'],
  /** Anything unexpected; details only in the log. */
  INTERNAL: [500, '系统繁忙，请稍后再试'],
  /** Database or another dependency is down. */
  SERVICE_UNAVAILABLE: [503, '服务暂时不可用，请稍后再试'],
} as const satisfies Record<string, readonly [number, string]>;

export type TErrorCode = keyof typeof ERRORS;

export type TFieldIssue = { path: string; message: string };

export type TErrorBody = {
  error: { code: TErrorCode; message: string; requestId?: string; issues?: TFieldIssue[] };
};

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly status: number;
  readonly issues?: TFieldIssue[];
  /** seconds the client should wait before trying again (429, 503): sent as Retry-After */
  readonly retryAfterS?: number;
  constructor(code: TErrorCode, opts: { message?: string; issues?: TFieldIssue[]; cause?: unknown; retryAfterS?: number } = {}) {
    // An expected refusal (4xx: not signed in, not found, already decided) is an answer, not a
    // fault: nobody reads its stack, and capturing one cost more than the rest of a 401. Faults
    // (5xx) keep theirs for the log.
    const expected = ERRORS[code][0] < 500;
    const limit = Error.stackTraceLimit;
    if (expected) Error.stackTraceLimit = 0;
    super(opts.message ?? ERRORS[code][1], { cause: opts.cause });
    if (expected) Error.stackTraceLimit = limit;
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code][0];
    this.issues = opts.issues;
    this.retryAfterS = opts.retryAfterS;
  }
}

export function statusOf(code: TErrorCode): number {
  return ERRORS[code][0];
}

export function messageOf(code: TErrorCode): string {
  return ERRORS[code][1];
}

export function isErrorCode(code: unknown): code is TErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}

/** Turns an error response body (as the client receives it) back into an AppError. */
export function parseErrorBody(status: number, body: unknown): AppError {
  const e = (body as TErrorBody | undefined)?.error;
  if (e && isErrorCode(e.code)) {
    return new AppError(e.code, { message: e.message, issues: e.issues });
  }
  return new AppError(status === 401 ? 'UNAUTHENTICATED' : status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
}
