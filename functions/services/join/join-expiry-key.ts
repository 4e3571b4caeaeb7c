/** The timer that expires an undecided join request (scheduled on submit, cancelled on decision). */
export function joinExpiryKey(requestId: string): string {
  return `join-request-expire:${requestId}`;
}
