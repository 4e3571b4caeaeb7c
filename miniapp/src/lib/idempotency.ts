/**
 * Idempotency-Key values: one per user action, reused when that action is retried, so a
 * flaky rural network never makes the server do a thing twice.
 */

/** A random UUID v4. Math.random is enough here: the key only has to be unique per person. */
export function newIdempotencyKey(): string {
  const hex: string[] = []
  for (let i = 0; i < 32; i++) hex.push(Math.floor(Math.random() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/**
 * Remembers the key of an unfinished action. The same action (same name and same input)
 * gets the same key until it succeeds or fails for good; a different input gets a new key.
 */
export class ActionKeys {
  private pending = new Map<string, { key: string; signature: string }>()

  keyFor(action: string, input: unknown): string {
    const signature = JSON.stringify(input ?? null)
    const prev = this.pending.get(action)
    if (prev && prev.signature === signature) return prev.key
    const key = newIdempotencyKey()
    this.pending.set(action, { key, signature })
    return key
  }

  /** The action finished (succeeded, or failed in a way a retry cannot fix). */
  done(action: string): void {
    this.pending.delete(action)
  }
}
