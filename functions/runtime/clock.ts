/**
 * The server's clock. Always the wall clock, except that with TEST_CLOCK=1 (refused in
 * production) browser tests may move it forward to see timers fire without waiting.
 */
let offsetMs = 0;

export function appNow(): Date {
  return new Date(Date.now() + offsetMs);
}

export function advanceAppClock(ms: number): number {
  offsetMs += ms;
  return offsetMs;
}
