/**
 * 爱环境 报满 rules. One open report per bin; later scans join it. Limits keep one person
 * from flooding the cleaner: the same bin again within the window, or too many scans a day.
 */
export const BIN_CODE_LENGTH = 12;
export const BIN_SCENE_PREFIX = 'b=';
/** Same person, same bin: another scan within this window is refused (429). */
export const REPORT_REPEAT_WINDOW_MS = 30 * 60_000;
/** Scans one person may make in a China day. */
export const REPORT_DAILY_CAP = 20;
/** An open report older than this is flagged to the village cadre. */
export const REPORT_OVERDUE_MS = 4 * 3600e3;

/** 超时未清: an open report waiting longer than REPORT_OVERDUE_MS at `now`. */
export function isReportOverdue(openedAt: Date, now: Date): boolean {
  return now.getTime() - openedAt.getTime() >= REPORT_OVERDUE_MS;
}
/** False reports (as first reporter) within 30 days that flag a person to the cadre. */
export const FALSE_REPORT_FLAG_COUNT = 3;
export const FALSE_REPORT_FLAG_WINDOW_MS = 30 * 86400e3;

export const BIN_KIND_KEYS = ['full', 'overflow', 'damaged', 'smell'] as const;
export type TBinKind = (typeof BIN_KIND_KEYS)[number];
export const BIN_KINDS = { full: '满了', overflow: '溢出', damaged: '损坏', smell: '异味' } as const satisfies Record<TBinKind, string>;

/** A report is open until a cleaner confirms it cleaned or false on the spot. */
export const BIN_REPORT_STATES = ['open', 'cleaned', 'false'] as const;
export type TBinReportState = (typeof BIN_REPORT_STATES)[number];
/** A disabled bin takes no reports. */
export const BIN_STATES = ['active', 'disabled'] as const;
export type TBinState = (typeof BIN_STATES)[number];
/** getwxacodeunlimit's env_version: a sticker's QR opens the release, trial or develop build. */
export const WXA_ENV_VERSIONS = ['release', 'trial', 'develop'] as const;
export type TWxaEnvVersion = (typeof WXA_ENV_VERSIONS)[number];

/**
 * 可再次报告: when this person may report this bin again, or null when they may now. The one
 * place the repeat window is applied — the report refuses with it, the scan page shows it.
 */
export function nextReportAllowedAt(lastScanOfThisBin: Date | null, now: Date): Date | null {
  if (!lastScanOfThisBin) return null;
  const next = new Date(lastScanOfThisBin.getTime() + REPORT_REPEAT_WINDOW_MS);
  return next.getTime() > now.getTime() ? next : null;
}

/** Why a scan may not be counted now, or null when it may. */
export function scanRefusal(lastScanOfThisBin: Date | null, scansToday: number, now: Date): 'REPORT_TOO_SOON' | 'REPORT_DAILY_LIMIT' | null {
  if (nextReportAllowedAt(lastScanOfThisBin, now)) return 'REPORT_TOO_SOON';
  if (scansToday >= REPORT_DAILY_CAP) return 'REPORT_DAILY_LIMIT';
  return null;
}

/** Reads a bin code from a scan: a bare code, the scene `b=CODE`, or a page path with scene. */
export function parseBinInput(raw: string | null | undefined): string {
  if (!raw) return '';
  let s = raw.trim();
  const m = /[?&]scene=([^&]+)/.exec(s);
  if (m) s = m[1];
  try {
    s = decodeURIComponent(s);
  } catch {
    /* keep as typed */
  }
  if (/^b=/i.test(s)) s = s.slice(BIN_SCENE_PREFIX.length);
  return s.toUpperCase().replace(/[\s-]/g, '');
}

/** The scan page a bin's QR opens (a small subpackage, so it opens fast). */
export const BIN_SCAN_PAGE = 'pkg-scan/bin/index';

/** WeChat scene for a bin: `b=<code>`, 14 characters (WeChat allows 32). */
export function binScene(code: string): string {
  return `${BIN_SCENE_PREFIX}${code}`;
}

/** The https URL a plain QR sticker carries, opening the H5 scan page. */
export function binH5Url(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/#/${BIN_SCAN_PAGE}?scene=${encodeURIComponent(binScene(code))}`;
}
