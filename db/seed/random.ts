/** mulberry32: a tiny seeded PRNG so the demo village is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic UUIDs (v4 layout) from a namespace number and a counter. */
export function seedUuid(ns: number, n: number): string {
  const hex = (v: number, len: number) => v.toString(16).padStart(len, '0');
  return `${hex(ns, 8)}-0000-4000-8000-${hex(n, 12)}`;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林谭邓冉向';
const GIVEN = [
  '建国',
  '秀英',
  '明',
  '芳',
  '德华',
  '桂兰',
  '志强',
  '玉珍',
  '小军',
  '春梅',
  '国庆',
  '淑芬',
  '文',
  '海燕',
  '大勇',
  '丽',
  '永福',
  '翠花',
  '光荣',
  '红',
];

export function personName(rand: () => number, surname?: string): string {
  const s = surname ?? SURNAMES[Math.floor(rand() * SURNAMES.length)];
  return s + GIVEN[Math.floor(rand() * GIVEN.length)];
}

/**
 * `name`, or when `taken` already has it, the same surname with the next given name that is free
 * (draws nothing from the generator, so everything seeded after stays as it was).
 */
export function uniqueIn(taken: readonly (string | undefined)[], name: string): string {
  const surname = name.slice(0, 1);
  let i = GIVEN.indexOf(name.slice(1));
  let candidate = name;
  for (let tries = 0; taken.includes(candidate) && tries < GIVEN.length; tries++) {
    i = (i + 1) % GIVEN.length;
    candidate = surname + GIVEN[i];
  }
  return candidate;
}

export function phoneNumber(rand: () => number): string {
  return '1' + ['3', '5', '7', '8', '9'][Math.floor(rand() * 5)] + String(Math.floor(rand() * 1e9)).padStart(9, '0');
}
