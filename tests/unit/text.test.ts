import fc from 'fast-check';
import { clipText, formatPhone, homeAddress } from '../../shared/domain/text';
import { formatPickupCode } from '../../shared/domain/points';
import { renderInbox } from '../../shared/domain/notification-templates';
import { requestSummary } from '../../shared/domain/requests';

describe('cutting text (截断)', () => {
  it('cuts by characters, so an emoji or a rare character is never split', () => {
    expect(clipText(`${'水'.repeat(12)}😀后面`, 14)).toBe(`${'水'.repeat(12)}😀…`);
    expect(clipText('好😀😀', 2, { ellipsis: false })).toBe('好😀');
    expect(clipText('𪚥𪚥𪚥', 3)).toBe('𪚥𪚥𪚥');
    expect(requestSummary('help', `${'水'.repeat(12)}😀后面还有字`)).toBe(`生活求助·${'水'.repeat(12)}😀…`);
  });

  it('returns a well-formed prefix of at most max characters for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (s, max, ellipsis) => {
        const out = clipText(s, max, { ellipsis });
        expect([...out].length).toBeLessThanOrEqual(max);
        expect(/\p{Cs}/u.test(out)).toBe(false); // no lone surrogate made by the cut
        expect(s.startsWith(ellipsis && out !== s ? out.slice(0, -1) : out)).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('住址 (homeAddress)', () => {
  it('says the village, the courtyard and the household once each, though labels often repeat the courtyard', () => {
    expect(homeAddress({ village: '石坝村', courtyard: '桂花院', label: '桂花院2号' })).toBe('石坝村桂花院2号');
    expect(homeAddress({ village: '石坝村', courtyard: '桂花院', label: '9号' })).toBe('石坝村桂花院9号');
    expect(homeAddress({ village: '石坝村', courtyard: '桂花院', label: '石坝村桂花院3号' })).toBe('石坝村桂花院3号');
    expect(homeAddress({ village: '石坝村', courtyard: '桂花院', label: null })).toBe('石坝村桂花院');
  });
});

describe('one way to write a pickup code and a phone number', () => {
  it('groups a pickup code in fours and a phone as 3-4-4, in the pages and in the messages alike', () => {
    expect(formatPickupCode('ABCD2345')).toBe('ABCD 2345');
    expect(formatPickupCode('ABC')).toBe('ABC');
    expect(formatPhone('13812345678')).toBe('138 1234 5678');
    expect(formatPhone('138****5678')).toBe('138****5678');
    expect(renderInbox('redemption_ready', { rewardName: '毛巾', pickupCode: 'ABCD2345' }).body).toBe('毛巾，取货码 ABCD 2345');
    expect(renderInbox('redemption_expiring', { rewardName: '毛巾', pickupCode: 'ABCD2345', expiresOn: '6月1日' }).body).toBe(
      '毛巾请在6月1日领取，取货码 ABCD 2345',
    );
    expect(renderInbox('sos_ack', { responderName: '王院长', responderPhone: '13812345678' }).body).toBe('王院长已响应您的呼叫，电话 138 1234 5678');
  });

  it('says 已领取 on a pickup message once the goods were handed over, never 「可以领取了」', () => {
    const done = renderInbox('redemption_ready', { rewardName: '毛巾', pickupCode: 'ABCD2345', state: 'handed_over' });
    expect(done).toMatchObject({ title: '兑换商品已领取', body: '毛巾已领取' });
    expect(renderInbox('redemption_expiring', { rewardName: '毛巾', state: 'cancelled' }).title).toBe('兑换已取消');
  });
});
