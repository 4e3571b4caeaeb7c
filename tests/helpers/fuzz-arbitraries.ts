import fc from 'fast-check';

/** The part of JSON Schema that zod-to-openapi writes for our contracts. */
export type TSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: TSchema;
  maxItems?: number;
  properties?: Record<string, TSchema>;
  required?: string[];
  additionalProperties?: boolean | TSchema;
  anyOf?: TSchema[];
  oneOf?: TSchema[];
};

/** Real values for a field, by its name (ids of the demo village, bin codes, invite codes). */
export type TPools = (field: string) => readonly string[] | undefined;

const nest = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));

/**
 * Strings people, scripts and attackers send: characters nobody types (NUL, lone surrogates,
 * non-characters, controls), bidi tricks, zero-width, emoji and rare CJK, SQL/JSON/HTML and
 * path lookalikes, numbers as text. Short enough to fit in a URL.
 */
export const HOSTILE_TEXT: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFF',
  '\uFFFF',
  '\uFFFE',
  '\uFDD0',
  '\u{10FFFF}',
  '\u001B[31m',
  '\u007F',
  '\u0085',
  '\u202Eevil\u202C',
  '\u200F\u200E',
  '\u200B',
  '\uFEFF',
  '\u00A0',
  '\t\n\r',
  '😀👨‍👩‍👧‍👦',
  '𪚥𠀀',
  'Ａ１',
  'İı',
  'e\u0301',
  "' OR '1'='1",
  "'; drop table people; --",
  '1; select pg_sleep(1)',
  '$1',
  '%',
  '_',
  '\\',
  '"',
  "'",
  '`',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{"$ne":null}',
  '{"__proto__":{"admin":true}}',
  '[]',
  '{}',
  'null',
  'undefined',
  'NaN',
  'true',
  '-1',
  '0',
  '1e309',
  '9'.repeat(40),
  '0x1F',
  '../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '${jndi:ldap://x/a}',
  '{{7*7}}',
  'constructor',
  '__proto__',
  '1970-01-01',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  'javascript:alert(1)',
  'http://169.254.169.254/',
  '00000000-0000-0000-0000-000000000000',
  '字'.repeat(300),
  'x'.repeat(2000),
];

/** Long strings belong in bodies only: a request line over 16 KB is refused by node itself (431) before our code runs. */
const HUGE_TEXT: readonly string[] = ['x'.repeat(100_000), '字'.repeat(50_000), '😀'.repeat(30_000), '\u0000'.repeat(1000)];

const hostileText = (url: boolean) => fc.constantFrom(...HOSTILE_TEXT, ...(url ? [] : HUGE_TEXT));

/** Numbers at and beyond every limit that tends to break code: int32, 2^53, -0, fractions. */
function edgeNumbers(s: TSchema): fc.Arbitrary<number> {
  const lo = s.minimum ?? -1e6;
  const hi = s.maximum ?? 1e6;
  return fc.constantFrom(lo, hi, lo - 1, hi + 1, 0, -0, -1, 0.5, lo + 0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 53) - 2, 1e308, -1e308, 5e-324);
}

/** Any JSON value, small: the wrong type for whatever field it lands in (hostile text too, short enough for a URL). */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  hostileText(true),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(nest(40)),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxKeys: 3 }),
);

/** strict: valid all the way down; url: the value goes into a URL, so no huge strings. */
type TGen = { strict?: boolean; url?: boolean };

const types = (s: TSchema): string[] => (Array.isArray(s.type) ? s.type : s.type ? [s.type] : []);

/**
 * Values the schema accepts, drawing ids and codes from the pools by field name. `strict`: all
 * the way down (so a request gets past the contract to the use case); otherwise the fields
 * of objects and arrays are fuzzed in turn.
 */
export function validValue(s: TSchema, field: string, pools: TPools, o: TGen = {}): fc.Arbitrary<unknown> {
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return fc.oneof(...alts.map((a) => validValue(a, field, pools, o)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const ts = types(s);
  const nullable = ts.includes('null');
  const t = ts.find((x) => x !== 'null') ?? (s.properties ? 'object' : undefined);
  const base = ((): fc.Arbitrary<unknown> => {
    switch (t) {
      case 'string':
        return stringValue(s, field, pools);
      case 'integer':
        return fc.integer({ min: Math.max(s.minimum ?? -1e6, -(2 ** 31)), max: Math.min(s.maximum ?? 1e6, 2 ** 31 - 1) });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return fc.array(o.strict ? validValue(s.items ?? {}, field, pools, o) : fuzzValue(s.items ?? {}, field, pools, o), {
          maxLength: Math.min(s.maxItems ?? 5, 6),
        });
      case 'object':
        return objectValue(s, pools, o);
      default:
        return wrongType;
    }
  })();
  return nullable ? fc.oneof(base, fc.constant(null)) : base;
}

function stringValue(s: TSchema, field: string, pools: TPools): fc.Arbitrary<string> {
  const real = pools(field);
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 40, 40);
  const shaped =
    s.format === 'uuid'
      ? fc.uuid()
      : s.format === 'date-time'
        ? fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString())
        : s.format === 'uri'
          ? fc.webUrl()
          : s.pattern
            ? fc.stringMatching(new RegExp(s.pattern))
            : fc.string({ minLength: min, maxLength: Math.max(min, max), unit: 'grapheme' });
  // exactly at the limit, in characters that count as 1 and as 2 UTF-16 units
  const limits =
    s.maxLength !== undefined && !s.format && !s.pattern
      ? [fc.constant('x'.repeat(s.maxLength)), fc.constant('字'.repeat(s.maxLength)), fc.constant('😀'.repeat(Math.ceil(s.maxLength / 2)))]
      : [];
  const arbs: fc.WeightedArbitrary<string>[] = [{ weight: 4, arbitrary: shaped }, ...limits.map((a) => ({ weight: 1, arbitrary: a }))];
  if (real?.length) arbs.push({ weight: 6, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...arbs);
}

function objectValue(s: TSchema, pools: TPools, o: TGen): fc.Arbitrary<Record<string, unknown>> {
  const strict = o.strict ?? false;
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const MISSING = Symbol('missing');
  const fields = props.map(([k, p]) => {
    const value = strict ? validValue(p, k, pools, o) : fuzzValue(p, k, pools, o);
    // a required field left out now and then (never when strict); optional ones often
    const missing = strict ? (required.has(k) ? 0 : 1) : required.has(k) ? 1 : 4;
    return missing ? fc.oneof({ weight: required.has(k) ? 12 : 5, arbitrary: value }, { weight: missing, arbitrary: fc.constant(MISSING) }) : value;
  });
  const extras = fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), hostileText(true)), wrongType, { maxKeys: 2 });
  const extra = strict ? fc.constant({}) : fc.oneof({ weight: 8, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extras });
  return fc.tuple(fc.tuple(...fields), extra).map(([values, more]) => {
    const out: Record<string, unknown> = { ...more };
    props.forEach(([k], i) => {
      if (values[i] !== MISSING) out[k] = values[i];
    });
    return out;
  });
}

/**
 * What the fuzzer sends for one field: valid all the way down (to reach the use case), valid
 * here with fuzzed parts, hostile text or edge numbers, or the wrong type.
 */
export function fuzzValue(s: TSchema, field: string, pools: TPools, opts: TGen = {}): fc.Arbitrary<unknown> {
  const t = types(s).find((x) => x !== 'null');
  const hostile: fc.Arbitrary<unknown> = t === 'integer' || t === 'number' ? edgeNumbers(s) : hostileText(opts.url ?? false);
  return fc.oneof(
    { weight: 5, arbitrary: validValue(s, field, pools, { url: opts.url, strict: true }) },
    { weight: 3, arbitrary: validValue(s, field, pools, { url: opts.url }) },
    { weight: 3, arbitrary: hostile },
    { weight: 1, arbitrary: wrongType },
  );
}

const DROP = Symbol('drop');
/** Characters that break code when slipped into otherwise good text. */
const SLIPPED = ['\u0000', '\uD800', '\uDFFF', '\uFFFF', '\uFFFE', '\uFDD0', '\u001B', '\u007F', '\u202E', '\u200B', "'", '"', '\\', '%', '_'];

/**
 * A valid value with exactly one thing wrong: one leaf replaced (hostile text, an edge number,
 * the wrong type), one bad character slipped into a string, or one field dropped. Everything
 * else passes the contract, so the fault reaches as deep as it can.
 */
export function oneFault(s: TSchema, pools: TPools, opts: TGen = {}): fc.Arbitrary<unknown> {
  const replacement = fc.oneof(
    { weight: 4, arbitrary: hostileText(opts.url ?? false) },
    { weight: 2, arbitrary: edgeNumbers({}) },
    { weight: 1, arbitrary: wrongType },
    { weight: 1, arbitrary: fc.constant(DROP) },
  );
  return fc
    .tuple(
      validValue(s, 'body', pools, { url: opts.url, strict: true }),
      fc.nat(),
      fc.oneof({ weight: 3, arbitrary: replacement }, { weight: 2, arbitrary: fc.constantFrom(...SLIPPED).map((c) => ({ slip: c })) }),
    )
    .map(([value, n, fault]) => {
      const leaves: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [];
      const walk = (v: unknown) => {
        if (v === null || typeof v !== 'object') return;
        for (const [k, x] of Object.entries(v)) {
          leaves.push({ holder: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
          walk(x);
        }
      };
      walk(value);
      if (!leaves.length) return typeof fault === 'object' && fault && 'slip' in fault ? fault.slip : fault === DROP ? undefined : fault;
      const { holder, key } = leaves[n % leaves.length];
      const old = (holder as Record<string, unknown>)[key];
      if (typeof fault === 'object' && fault && 'slip' in fault) {
        const text = typeof old === 'string' ? old : String(old);
        const at = n % (text.length + 1);
        (holder as Record<string, unknown>)[key] = text.slice(0, at) + fault.slip + text.slice(at);
      } else if (fault === DROP) {
        if (Array.isArray(holder)) holder.splice(Number(key), 1);
        else delete holder[key as string];
      } else (holder as Record<string, unknown>)[key] = fault;
      return value;
    });
}

/** A whole body or query: valid, valid with one fault, fuzzed field by field, or not an object at all. */
export function requestValue(s: TSchema, pools: TPools, opts: TGen = {}): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: validValue(s, 'body', pools, { url: opts.url, strict: true }) },
    { weight: 6, arbitrary: oneFault(s, pools, opts) },
    { weight: 2, arbitrary: fuzzValue(s, 'body', pools, opts) },
  );
}

/** Bodies that are not what any client sends: broken JSON, other top-level types, 1 MB and more, 40 levels deep. */
export const RAW_BODIES: readonly string[] = [
  'not json',
  '{"a":',
  '{',
  '[',
  '""',
  '"\\u0000"',
  '"\\ud800"',
  'null',
  '[]',
  '123',
  '1e999',
  'true',
  '{"a":1,"a":2}',
  '{"__proto__":{"admin":true}}',
  JSON.stringify(nest(40)),
  `{"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
  JSON.stringify({ x: 'x'.repeat(1024 * 1024) }),
];
