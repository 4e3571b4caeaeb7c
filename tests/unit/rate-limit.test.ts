import { clientBucket, secondsUntilNextWindow, tryAgainWhen, windowStart } from '../../shared/domain/rate-limit';

describe('rate-limit windows', () => {
  it('starts a day at midnight Beijing time, not UTC', () => {
    const at = new Date('2026-12-01T17:30:00Z'); // 01:30 on 2 Dec in Beijing
    expect(windowStart('day', at).toISOString()).toBe('2026-12-01T16:00:00.000Z');
    expect(secondsUntilNextWindow('day', at)).toBe(22.5 * 3600);
  });

  it('starts a minute on the minute and says how many seconds are left', () => {
    const at = new Date('2026-12-01T08:00:42.300Z');
    expect(windowStart('minute', at).toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(secondsUntilNextWindow('minute', at)).toBe(18);
    expect(tryAgainWhen('minute', at)).toBe('请18秒后再试');
    expect(tryAgainWhen('day', at)).toBe('请明天（北京时间0点后）再试');
  });
});

describe('the address a client is counted by', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2408:8456:3a12:7b00:1c2d:3e4f:5a6b:7c8d', '2408:8456:3a12:7b00::/64'],
    ['2408:8456:3a12:7b00::1', '2408:8456:3a12:7b00::/64'],
    ['2408:0456::1', '2408:456:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (address, bucket) => {
    expect(clientBucket(address)).toBe(bucket);
  });
});
