/** How a WeChat server-API call ended, when it did not succeed. */
export type TWechatFailure =
  | { kind: 'retry'; reason: string } // -1 busy, 5xx, timeouts, unreadable answers
  | { kind: 'token'; reason: string } // 40001 / 42001: the access token is invalid or expired
  | { kind: 'permanent'; errcode: number; reason: string } // bad data, bad openid, bad page…
  | { kind: 'refused'; reason: string }; // 43101: the user holds no subscription (credit gone)

export class WechatCallError extends Error {
  constructor(readonly failure: TWechatFailure) {
    super(failure.reason);
    this.name = 'WechatCallError';
  }
}

/** POST/GET to the WeChat server API with a timeout; returns the JSON body or throws a retryable failure. */
export async function callWechat(url: URL, init: { method: 'GET' | 'POST'; body?: unknown; timeoutMs: number }): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: init.body ? { 'content-type': 'application/json' } : undefined,
      body: init.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (e) {
    throw new WechatCallError({ kind: 'retry', reason: `network: ${e instanceof Error ? e.name : String(e)}` });
  }
  if (!res.ok) throw new WechatCallError({ kind: 'retry', reason: `HTTP ${res.status}` });
  try {
    return (await res.json()) as Record<string, unknown>;
  } catch {
    throw new WechatCallError({ kind: 'retry', reason: 'unreadable answer' });
  }
}
