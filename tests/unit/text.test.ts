import fc from 'fast-check';
import { clipText, homeAddress } from '../../shared/domain/text';
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
