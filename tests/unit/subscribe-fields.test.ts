import { backoffMs } from '../../shared/domain/backoff';
import { renderInbox, TEMPLATE_NAMES } from '../../shared/domain/notification-templates';
import { buildSubscribeData, fieldKind, shapeFieldValue } from '../../shared/domain/subscribe-fields';
import { invalidField } from '../helpers/fake-wechat';

describe('subscribe-message field values (WeChat limits)', () => {
  it('reads the kind from the key', () => {
    expect(fieldKind('thing12')).toBe('thing');
    expect(fieldKind('character_string3')).toBe('character_string');
    expect(fieldKind('phone_number1')).toBe('phone_number');
    expect(fieldKind('mystery1')).toBeNull();
  });

  it('cuts a thing to 20 characters with an ellipsis, counting Chinese characters as one', () => {
    const v = shapeFieldValue('thing1', '村东头大榕树下第三个绿色垃圾桶靠近小卖部门口的位置');
    expect([...v]).toHaveLength(20);
    expect(v.endsWith('…')).toBe(true);
    expect(shapeFieldValue('thing1', '短的')).toBe('短的');
    expect(shapeFieldValue('thing1', '')).toBe('无');
  });

  it('keeps only Han characters in a phrase, at most 5', () => {
    expect(shapeFieldValue('phrase1', '已通过 OK!')).toBe('已通过');
    expect(shapeFieldValue('phrase1', '正在处理中请稍候')).toBe('正在处理中');
    expect(shapeFieldValue('phrase1', 'done')).toBe('通知');
  });

  it('limits names to 10 and codes, numbers and letters to 32 of their alphabet', () => {
    expect([...shapeFieldValue('name1', '欧阳娜娜娜娜娜娜娜娜娜娜')]).toHaveLength(10);
    expect(shapeFieldValue('character_string1', 'AB-12 取货码 Z9')).toBe('AB-12Z9');
    expect(shapeFieldValue('character_string1', 'x'.repeat(40))).toHaveLength(32);
    expect(shapeFieldValue('number1', '共 12 件')).toBe('12');
    expect(shapeFieldValue('letter1', 'ab12cd')).toBe('abcd');
  });

  it('writes times and dates in China time', () => {
    expect(shapeFieldValue('time1', '2026-11-22T16:30:00Z')).toBe('2026-11-23 00:30');
    expect(shapeFieldValue('date1', '2026-11-22T16:30:00Z')).toBe('2026-11-23');
    expect(shapeFieldValue('amount1', 1250)).toBe('12.50元');
  });

  it('always produces data the fake WeChat validator accepts, whatever the payload', () => {
    const fields = { thing1: 'a', phrase2: 'b', name3: 'c', character_string4: 'd', number5: 'e', letter6: 'f', time7: 'g', date8: 'h', phone_number9: 'i' };
    const nasty = ['', '   ', '超长'.repeat(40), '😀🙂', 'a\nb\tc', '<script>', '0', null, undefined, 123456789];
    for (const v of nasty) {
      const payload = Object.fromEntries(Object.values(fields).map((k) => [k, v]));
      expect(invalidField(buildSubscribeData(fields, payload))).toBeNull();
    }
  });
});

describe('inbox texts', () => {
  it('renders every template in Chinese without placeholders', () => {
    for (const t of TEMPLATE_NAMES) {
      const m = renderInbox(t, {});
      expect(m.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(`${m.title}${m.body}`).not.toMatch(/undefined|null/);
    }
  });
});

describe('backoff', () => {
  it('doubles per attempt, stays under the cap and spreads with jitter', () => {
    expect(backoffMs(1, { random: () => 1 })).toBe(10_000);
    expect(backoffMs(3, { random: () => 1 })).toBe(40_000);
    expect(backoffMs(30, { random: () => 1 })).toBe(3_600_000);
    expect(backoffMs(3, { random: () => 0 })).toBe(20_000);
  });
});
