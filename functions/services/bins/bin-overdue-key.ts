/** The timer that flags a report still open too long (armed when it opens, cancelled when it closes). */
export function binOverdueKey(reportId: string): string {
  return `bin-report-overdue:${reportId}`;
}
