import { env } from '../runtime/env';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 } as const;
type Level = Exclude<keyof typeof LEVELS, 'silent'>;

/** Info lines wait at most this long, or until this much is gathered, then go in one write. */
const FLUSH_AFTER_MS = 20;
const FLUSH_AT_CHARS = 64 * 1024;
let pending = '';
let scheduled = false;
let hooked = false;

/**
 * One JSON line per event; never pass secrets (session_key, tokens) in `fields`.
 * Warnings and errors are written at once (a crash must not lose them). Info and debug lines —
 * one per request — are gathered for up to 20 ms and written together: stdout on a pipe is a
 * synchronous write, and one system call per request cost a busy host a tenth of its time. A
 * normal exit writes what is left; only a killed process can lose its last 20 ms of info lines.
 */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (LEVELS[level] < LEVELS[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  if (level === 'error' || level === 'warn') {
    flushLog(); // keep stdout's earlier lines ahead of it
    process.stderr.write(line + '\n');
    return;
  }
  pending += line + '\n';
  if (pending.length >= FLUSH_AT_CHARS) return flushLog();
  if (scheduled) return;
  scheduled = true;
  setTimeout(flushLog, FLUSH_AFTER_MS).unref();
  if (!hooked) {
    hooked = true;
    process.on('exit', flushLog); // process.exit() skips the timer: write what is left now
  }
}

/** Writes the info lines gathered so far. */
export function flushLog(): void {
  scheduled = false;
  if (!pending) return;
  const out = pending;
  pending = '';
  process.stdout.write(out);
}
