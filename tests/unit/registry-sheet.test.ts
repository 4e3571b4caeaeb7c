import fc from 'fast-check';
import { COLUMN_ORDER, REGISTRY_COLUMNS, REGISTRY_FLAGS, cellText, readHeader, readRow, writeRow, type TRegistryRow } from '../../shared/domain/registry-sheet';

/** 信息采集表 layout: the header, each row's checks with its line, and export → import unchanged. */
const HEADERS = REGISTRY_COLUMNS.map((c) => c.header);
const row = (r: Partial<TRegistryRow> = {}): TRegistryRow => ({
  personId: null,
  courtyard: '桂花院',
  household: '3号',
  name: '张三',
  relation: null,
  phone: null,
  elderly: false,
  livesAlone: false,
  needsCare: false,
  isPartyMember: false,
  absentForWork: false,
  ...r,
});
const cells = (over: Record<string, unknown>) => REGISTRY_COLUMNS.map((c) => (c.header in over ? over[c.header] : ''));

describe('readHeader', () => {
  it('finds the columns in any order, ignoring unknown ones and spaces', () => {
    const h = readHeader(['备注', ' 姓名 ', '院落', '户号', '手机号']);
    expect('at' in h && [...h.at]).toEqual([
      ['name', 1],
      ['courtyard', 2],
      ['household', 3],
      ['phone', 4],
    ]);
  });
  it('names a missing required column and a column given twice, on line 1', () => {
    expect(readHeader(['院落', '姓名', '姓名'])).toEqual({
      issues: [
        { line: 1, column: '姓名', message: '表头「姓名」出现了两次' },
        { line: 1, column: '户号', message: '缺少「户号」列，请使用下载的模板' },
      ],
    });
  });
  it('reads the template’s own header (rich text too)', () => {
    expect('at' in readHeader(HEADERS)).toBe(true);
    expect('at' in readHeader(HEADERS.map((h) => ({ richText: [{ text: h }] })))).toBe(true);
  });
});

describe('readRow', () => {
  it('skips an empty row and reads a full one', () => {
    expect(readRow(cells({}), COLUMN_ORDER, 3)).toBeNull();
    expect(readRow(['', '  ', null, undefined, '', '', '', '', '', '', ''], COLUMN_ORDER, 3)).toBeNull();
    const id = 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11';
    expect(
      readRow(
        cells({ 人员编号: id, 院落: '桂花院', 户号: '3号', 姓名: '张三', 与户主关系: '户主', 手机号: 13800138000, 老人: '是', 党员: '√', 独居: '否' }),
        COLUMN_ORDER,
        7,
      ),
    ).toEqual({ row: row({ personId: id.toLowerCase(), relation: '户主', phone: '13800138000', elderly: true, isPartyMember: true }) });
  });
  it('gives every problem of the row with its line and column', () => {
    const r = readRow(
      cells({ 人员编号: '12', 户号: 'x'.repeat(41), 姓名: '微信用户', 与户主关系: '一二三四五六七八九十一', 手机号: '12345', 独居: '也许' }),
      COLUMN_ORDER,
      42,
    );
    expect(r && 'issues' in r && r.issues.map((i) => [i.line, i.column])).toEqual([
      [42, '人员编号'],
      [42, '院落'],
      [42, '户号'],
      [42, '姓名'],
      [42, '与户主关系'],
      [42, '手机号'],
      [42, '独居'],
    ]);
  });
  it('reads phones as people type them: spaces, dashes, +86, full-width digits', () => {
    for (const p of ['138 0013 8000', '138-0013-8000', '+8613800138000', '１３８００１３８０００'])
      expect(readRow(cells({ 院落: 'a', 户号: 'b', 姓名: 'c', 手机号: p }), COLUMN_ORDER, 2)).toMatchObject({ row: { phone: '13800138000' } });
  });
  it('reads a flag written as a full-width Y, a number or a formula’s result', () => {
    expect(readRow(cells({ 院落: 'a', 户号: 'b', 姓名: 'c', 老人: 'Ｙ', 独居: 1, 党员: { formula: 'TRUE()', result: true } }), COLUMN_ORDER, 2)).toMatchObject({
      row: { elderly: true, livesAlone: true, isPartyMember: true },
    });
  });
  it('uses the positions of the header it was given', () => {
    const h = readHeader(['姓名', '户号', '院落']);
    if (!('at' in h)) throw new Error('header');
    expect(readRow(['李四', '5号', '梅园'], h.at, 2)).toEqual({ row: row({ name: '李四', household: '5号', courtyard: '梅园' }) });
  });
});

describe('cellText', () => {
  it('reads the values exceljs gives: links, formulas, dates, errors', () => {
    expect(cellText({ text: '张三', hyperlink: 'mailto:x' })).toBe('张三');
    expect(cellText({ formula: 'A1', result: 13800138000 })).toBe('13800138000');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('');
    expect(cellText(new Date('2024-03-05T00:00:00Z'))).toBe('2024-03-05');
    expect(cellText(false)).toBe('');
  });
});

describe('writeRow → readRow', () => {
  const text = (max: number) => fc.string({ minLength: 1, maxLength: max }).map((s) => s.replace(/\s/g, '').replace(/\p{Cc}/gu, '') || '甲');
  const arbRow = fc.record({
    personId: fc.option(fc.uuid(), { nil: null }),
    courtyard: text(20),
    household: text(40),
    name: text(20).filter((n) => n !== '微信用户'),
    relation: fc.option(text(10), { nil: null }),
    phone: fc.option(
      fc.integer({ min: 3e9, max: 9.99e9 }).map((n) => `1${Math.floor(n)}`),
      { nil: null },
    ),
    ...Object.fromEntries(REGISTRY_FLAGS.map((k) => [k, fc.boolean()])),
  }) as fc.Arbitrary<TRegistryRow>;
  it('an exported row reads back as itself', () => {
    fc.assert(
      fc.property(arbRow, (r) => {
        expect(readRow(writeRow(r), COLUMN_ORDER, 2)).toEqual({ row: { ...r, personId: r.personId?.toLowerCase() ?? null } });
      }),
    );
  });
});
