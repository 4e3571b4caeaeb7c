import fc from 'fast-check';
import { requestUrl } from '../../functions/_lib/host';

/**
 * The host splits a plain request target itself instead of building a URL (decision 021): for
 * any target, the path and query it reads must be what the WHATWG URL parser reads.
 */
function viaUrl(target: string) {
  try {
    const u = new URL(target.startsWith('/') ? `http://localhost${target}` : target);
    return { pathname: u.pathname, query: [...u.searchParams] };
  } catch {
    return null;
  }
}
const read = (target: string) => {
  const r = requestUrl(target);
  return r && { pathname: r.pathname, query: r.searchParams ? [...r.searchParams] : [] };
};

// what can reach the host: node's HTTP parser refuses a target with a space or a control character
const piece = fc.constantFrom(
  'api',
  'me',
  'bins',
  'x',
  '',
  '.',
  '..',
  '%2e',
  '%41',
  '中',
  '\\',
  '//',
  '-',
  '_',
  'a1',
  ':',
  '@',
  '#',
  '?',
  '&',
  '=',
  '+',
  '%',
  '"',
  "'",
  '<',
  '>',
  '`',
  '{',
  '|',
  '~',
  '^',
);

test('a request target reads as the URL parser reads it', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), fc.array(piece, { maxLength: 6 }), (path, query) => {
      const target = '/' + path.join('/') + (query.length ? '?' + query.join('') : '');
      expect(read(target)).toEqual(viaUrl(target));
    }),
    { numRuns: 2000 },
  );
});

test('the plain API paths never build a URL, and the odd ones still normalise', () => {
  expect(read('/api/me')).toEqual({ pathname: '/api/me', query: [] });
  expect(read('/api/bins?scene=a%20b&x=1&x=2')).toEqual({
    pathname: '/api/bins',
    query: [
      ['scene', 'a b'],
      ['x', '1'],
      ['x', '2'],
    ],
  });
  expect(read('/api/../admin/')).toEqual({ pathname: '/admin/', query: [] });
  expect(read('//x:y')).toEqual({ pathname: '//x:y', query: [] });
  expect(read('not a target')).toBeNull();
});
