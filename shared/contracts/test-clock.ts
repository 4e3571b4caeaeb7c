import * as z from 'zod';
import { defineContract } from './define';

/** Only with TEST_CLOCK=1 (refused in production): moves the server's clock forward for browser tests. */
export const advanceTestClock = defineContract({
  method: 'POST',
  path: '/api/test/clock',
  summary: '测试用：把服务器时钟拨快并运行到期的定时任务（生产环境不存在）',
  tag: 'system',
  body: z.object({
    minutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 60),
  }),
  response: z.object({ now: z.string(), offsetMinutes: z.number().int(), jobs: z.number().int() }),
});
