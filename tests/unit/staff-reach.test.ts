import { reachOf, type TReach } from '../../shared/domain/channel-policy';
import { byReach, maskPhone, mobileOf, oaStateOf } from '../../shared/domain/staff-reach';

const nothing: TReach = { miniProgram: false, longTerm: [], credits: {}, oa: 'unlinked', phone: false };
const allOn = { oa: true, sms: true };
const allOff = { oa: false, sms: false };

describe('可触达: how a member of staff is reached (reachOf)', () => {
  it('is inbox only when nothing reaches them, whatever runs', () => {
    expect(reachOf(nothing, allOn)).toBe('inbox_only');
    expect(reachOf(nothing, allOff)).toBe('inbox_only');
  });

  it('pushes on a long-term subscription only with a mini-program sign-in to send it to', () => {
    expect(reachOf({ ...nothing, miniProgram: true, longTerm: ['bin_task'] }, allOff)).toBe('push');
    expect(reachOf({ ...nothing, miniProgram: false, longTerm: ['bin_task'] }, allOff)).toBe('inbox_only');
  });

  it('pushes through the 公众号 only to a follower and only while the 公众号 runs', () => {
    expect(reachOf({ ...nothing, oa: 'following' }, { oa: true, sms: false })).toBe('push');
    expect(reachOf({ ...nothing, oa: 'following' }, { oa: false, sms: false })).toBe('inbox_only');
    for (const oa of ['not_following', 'stale', 'unlinked'] as const) expect(reachOf({ ...nothing, oa }, allOn)).toBe('inbox_only');
  });

  it('counts one-time credits only when some are left and there is a sign-in to push to', () => {
    expect(reachOf({ ...nothing, miniProgram: true, credits: { bin_task: 1 } }, allOff)).toBe('credits');
    expect(reachOf({ ...nothing, miniProgram: true, credits: { bin_task: 0, sos: 0 } }, allOff)).toBe('inbox_only');
    expect(reachOf({ ...nothing, miniProgram: false, credits: { bin_task: 5 } }, allOff)).toBe('inbox_only');
  });

  it('prefers a push that needs nothing more over credits, and credits over SMS', () => {
    const everything: TReach = { miniProgram: true, longTerm: ['bin_task'], credits: { bin_task: 3 }, oa: 'following', phone: true };
    expect(reachOf(everything, allOn)).toBe('push');
    expect(reachOf({ ...everything, longTerm: [], oa: 'stale' }, allOn)).toBe('credits');
    expect(reachOf({ ...everything, longTerm: [], credits: {} }, { oa: false, sms: true })).toBe('sms');
  });

  it('falls back to SMS only with a phone and SMS switched on', () => {
    expect(reachOf({ ...nothing, phone: true }, { oa: false, sms: true })).toBe('sms');
    expect(reachOf({ ...nothing, phone: true }, { oa: true, sms: false })).toBe('inbox_only');
  });
});

describe('公众号关注状态 (oaStateOf)', () => {
  it('reads a missing follower as unlinked and a stale link as stale even while marked following', () => {
    expect(oaStateOf({ following: null, staleReason: null })).toBe('unlinked');
    expect(oaStateOf({ following: true, staleReason: null })).toBe('following');
    expect(oaStateOf({ following: true, staleReason: '43004' })).toBe('stale');
    expect(oaStateOf({ following: false, staleReason: '43004' })).toBe('stale');
    expect(oaStateOf({ following: false, staleReason: null })).toBe('not_following');
  });
});

describe('phones for SMS', () => {
  it('accepts mainland mobile numbers, spaces and dashes aside, and masks the middle', () => {
    expect(mobileOf('13912345678')).toBe('13912345678');
    expect(mobileOf(' 139 1234-5678 ')).toBe('13912345678');
    for (const p of [null, '', '12345', '023-6123456', '12912345678', '139123456789']) expect(mobileOf(p)).toBeNull();
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});

describe('the order cadres read staff in (byReach)', () => {
  it('puts the unreachable first, then SMS only, credits, push; by name within each', () => {
    const p = (name: string, reach: 'push' | 'credits' | 'sms' | 'inbox_only', personId = name) => ({ name, reach, personId });
    const sorted = [p('白', 'push'), p('陈', 'credits'), p('方', 'sms'), p('高', 'inbox_only'), p('安', 'inbox_only'), p('安', 'inbox_only', '0')].sort(
      byReach,
    );
    expect(sorted.map((x) => `${x.name}${x.personId === '0' ? '0' : ''}:${x.reach}`)).toEqual([
      '安0:inbox_only',
      '安:inbox_only',
      '高:inbox_only',
      '方:sms',
      '陈:credits',
      '白:push',
    ]);
  });
});
