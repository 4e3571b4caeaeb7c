import fc from 'fast-check';
import { MAX_INPUT_DEPTH, checkInput, hasUnreadableChars } from '../../shared/contracts/input-hygiene';

const UNREADABLE = {
  NUL: '\u0000',
  'ESC (C0)': '\u001B',
  DEL: '\u007F',
  'lone high surrogate': '\uD83D',
  'lone low surrogate': '\uDE00',
  'U+FDD0': '\uFDD0',
  'U+FDEF': '\uFDEF',
  'U+FFFE': '\uFFFE',
  'U+FFFF': '\uFFFF',
  'U+1FFFF': '\u{1FFFF}',
  'U+10FFFE': '\u{10FFFE}',
};
const READABLE = {
  tab: '\t',
  LF: '\n',
  CR: '\r',
  space: ' ',
  'U+FDCF': '\uFDCF',
  'U+FDF0': '\uFDF0',
  'U+FFFD': '\uFFFD',
  'U+1FFFD': '\u{1FFFD}',
  emoji: '😀',
  'rare CJK': '𪚥',
  'right-to-left mark': '\u200F',
  'RTL override': '\u202E',
  NEL: '\u0085',
};

/** Strings of code points outside the refused set (pairs of surrogates allowed as whole code points). */
const readableText = fc.string({
  unit: fc
    .integer({ min: 0, max: 0x10ffff })
    .map((c) => String.fromCodePoint(c))
    .filter((s) => !hasUnreadableChars(s)),
});
const unreadableChar = fc.constantFrom(
  ...Object.values(UNREADABLE),
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\r'.includes(c)),
);

describe('input hygiene (无法识别的字符)', () => {
  it.each(Object.entries(UNREADABLE))('refuses %s', (_, ch) => expect(hasUnreadableChars(`前${ch}后`)).toBe(true));
  it.each(Object.entries(READABLE))('accepts %s', (_, ch) => expect(hasUnreadableChars(`前${ch}后`)).toBe(false));

  it('accepts any text of readable characters and refuses it with one unreadable character put anywhere', () => {
    fc.assert(
      fc.property(readableText, unreadableChar, fc.nat(), (text, bad, at) => {
        const cut = at % (text.length + 1);
        // do not split a surrogate pair: that would make the test's own lone surrogate
        const safeCut = cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]) ? cut + 1 : cut;
        expect(hasUnreadableChars(text)).toBe(false);
        expect(hasUnreadableChars(text.slice(0, safeCut) + bad + text.slice(safeCut))).toBe(true);
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('names the path of every bad string at any depth, in document order, without the value', () => {
    const body = { name: '张三', members: [{ name: 'ok' }, { name: '李\u0000四' }], note: '\uFFFF秘密' };
    const issues = checkInput('body', body);
    expect(issues).toEqual([
      { path: 'body.members.1.name', message: '含有无法识别的字符' },
      { path: 'body.note', message: '含有无法识别的字符' },
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/李|秘密/);
  });

  it('names the object holding a bad key, not the key', () => {
    expect(checkInput('query', { 'x\uD800y': '1' })).toEqual([{ path: 'query', message: '字段名含有无法识别的字符' }]);
  });

  it('passes numbers, booleans, null and clean nested values', () => {
    expect(checkInput('body', { a: 1, b: true, c: null, d: [1, 'two', { e: '三' }] })).toEqual([]);
    expect(checkInput('params', {})).toEqual([]);
    expect(checkInput('body', '\u0000')).toEqual([{ path: 'body', message: '含有无法识别的字符' }]);
  });

  it(`allows ${MAX_INPUT_DEPTH} levels of nesting and refuses ${MAX_INPUT_DEPTH + 1}`, () => {
    const nest = (n: number) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown;
    expect(checkInput('body', nest(MAX_INPUT_DEPTH))).toEqual([]);
    expect(checkInput('body', nest(MAX_INPUT_DEPTH + 1))).toEqual([{ path: `body${'.0'.repeat(MAX_INPUT_DEPTH)}`, message: '内容层级过深' }]);
  });

  it('walks a million levels without overflowing the stack', () => {
    let deep: unknown = 'end';
    for (let i = 0; i < 1_000_000; i++) deep = { a: deep };
    expect(checkInput('body', deep)).toHaveLength(1);
  });

  it('stops at ten issues however many bad strings there are', () => {
    expect(
      checkInput(
        'body',
        Array.from({ length: 10_000 }, () => '\u0000'),
      ),
    ).toHaveLength(10);
  });
});
