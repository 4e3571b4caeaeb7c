import fc from 'fast-check';
import { renderInbox } from '../../shared/domain/notification-templates';
import { shapeFieldValue } from '../../shared/domain/subscribe-fields';
import { formatTicket, parseTicket, ticketYear } from '../../shared/domain/ticket-number';

describe('工单号 (ticket numbers)', () => {
  it('writes the kind letter, the two-digit year and at least four digits of the sequence', () => {
    expect(formatTicket({ kind: 'request', year: 2026, seq: 42 })).toBe('Z260042');
    expect(formatTicket({ kind: 'sos', year: 2026, seq: 7 })).toBe('S260007');
    expect(formatTicket({ kind: 'request', year: 2030, seq: 9999 })).toBe('Z309999');
    expect(formatTicket({ kind: 'request', year: 2026, seq: 12345 })).toBe('Z2612345');
    expect(formatTicket({ kind: 'sos', year: 2005, seq: 1 })).toBe('S050001');
  });

  it('refuses a sequence or year it cannot write', () => {
    expect(() => formatTicket({ kind: 'request', year: 2026, seq: 0 })).toThrow(RangeError);
    expect(() => formatTicket({ kind: 'request', year: 2026, seq: 1.5 })).toThrow(RangeError);
    expect(() => formatTicket({ kind: 'request', year: 2100, seq: 1 })).toThrow(RangeError);
  });

  it('numbers by the year in China: 1 January starts at midnight Beijing time, eight hours before UTC', () => {
    expect(ticketYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(ticketYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(ticketYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  it('reads what staff type: any case, full-width, spaces and dashes, with or without the letter', () => {
    const z42 = { kind: 'request', year: 2026, seq: 42 };
    expect(parseTicket('Z260042')).toEqual(z42);
    expect(parseTicket(' z26-0042 ')).toEqual(z42);
    expect(parseTicket('Ｚ２６００４２')).toEqual(z42);
    expect(parseTicket('工单号：Z 26 0042')).toEqual(z42);
    expect(parseTicket('260042')).toEqual({ kind: null, year: 2026, seq: 42 });
    expect(parseTicket('s260007')).toEqual({ kind: 'sos', year: 2026, seq: 7 });
    expect(parseTicket('Z2612345')).toEqual({ kind: 'request', year: 2026, seq: 12345 });
  });

  it('reads nothing that is not exactly a number it gives out, so a search never finds a near miss', () => {
    for (const bad of ['', 'Z', '42', '0042', 'Z26042', 'Z260000', 'Z2600042', 'X260042', 'ZZ260042', 'Z26004a', '找院长', 'Z260042 or 1=1', '1'.repeat(40)])
      expect(parseTicket(bad)).toBeNull();
  });

  it('reads back every number it writes, and each number has one way to be written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('request' as const, 'sos' as const),
        fc.integer({ min: 2000, max: 2099 }),
        fc.integer({ min: 1, max: 999_999_999 }),
        (kind, year, seq) => {
          const t = formatTicket({ kind, year, seq });
          expect(parseTicket(t)).toEqual({ kind, year, seq });
          expect(parseTicket(t.toLowerCase())).toEqual({ kind, year, seq });
          expect(t).toMatch(/^[ZS]\d{6,11}$/);
        },
      ),
      { seed: 14, numRuns: 500 },
    );
  });

  it('fits a WeChat character_string field as it is and ends the inbox title of a numbered item', () => {
    expect(shapeFieldValue('character_string4', 'Z260042')).toBe('Z260042');
    expect(renderInbox('request_new', { requesterName: '王秀英', summary: '基础设施·路灯坏了', ticket: 'Z260042' }).title).toBe('新的找院长事项 · Z260042');
    expect(renderInbox('sos', { callerName: '王奶奶', address: '桂花院3号', ticket: 'S260007' }).title).toBe('一键呼叫：有人需要帮助 · S260007');
    // messages written before numbers existed read as they did
    expect(renderInbox('request_update', { summary: '基础设施·路灯坏了', status: '办理中' }).title).toBe('事项有新进展');
  });
});
